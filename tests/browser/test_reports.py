"""A transparency report in the browser: the list, a month's charts with their text
alternatives and tables, and the JSON and CSV downloads (JavaScript on and off). The month
was published by the server's own start-up run of the publish-report job."""

from __future__ import annotations

import hashlib
import time
from pathlib import Path

import pytest

from tests.browser.conftest import REPORT_PERIOD, Journey

pytestmark = pytest.mark.browser


def _until_published(journey: Journey) -> None:
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        journey.visit("/reports")
        if journey.page.locator(f'a[href="/reports/{REPORT_PERIOD}"]').count():
            return
        time.sleep(0.5)
    raise AssertionError("the start-up publication never showed up")


def test_a_report_renders_with_accessible_charts_and_downloads(journey: Journey) -> None:
    journey.visit("/")
    journey.page.get_by_role("link", name="Transparency reports").click()
    _until_published(journey)
    journey.page.locator(f'a[href="/reports/{REPORT_PERIOD}"]').click()
    page = journey.page
    assert page.get_by_role("heading", level=1).inner_text() == f"Report for {REPORT_PERIOD}"
    charts = page.get_by_role("img")
    assert charts.count() >= 2
    posted = page.get_by_role("img", name="Requests posted, by kind of help")
    description = posted.locator("desc").text_content() or ""
    assert "<11" in description  # transport: 3, as published
    assert page.locator("table.data").count() == charts.count()
    shown_hash = page.locator("#content-hash").inner_text()

    with page.expect_download() as csv_download:
        page.locator("#download-csv").click()
    csv_text = Path(csv_download.value.path()).read_text(encoding="utf-8")
    assert csv_text.startswith("period,table,row,column,measure,value")
    assert f"{REPORT_PERIOD},needs_posted_by_category,transport,count,count,<11" in csv_text

    as_json = page.request.get(journey.server.url(f"/reports/{REPORT_PERIOD}.json"))
    assert as_json.ok and hashlib.sha256(as_json.body()).hexdigest() == shown_hash
    assert as_json.json()["period"] == REPORT_PERIOD
