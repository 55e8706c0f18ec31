"""The public report pages: the list, each month as HTML with SVG charts and data tables
(no JavaScript needed), its JSON byte for byte as hashed, a CSV, and the latest."""

from __future__ import annotations

import csv
import hashlib
import io
import re
from datetime import UTC, datetime

import httpx2

from mutualaid.services.reports import publish_due
from tests.conftest import Database
from tests.reports.test_publish import FEBRUARY, _january


async def _published(db: Database) -> None:
    await _january()
    await publish_due(now=FEBRUARY, threshold=11, currency="usd")


async def test_the_list_links_every_month_and_its_hash(
    client: httpx2.AsyncClient, db: Database
) -> None:
    empty = await client.get("/reports")
    assert empty.status_code == 200 and 'id="no-reports"' in empty.text
    await _published(db)
    page = await client.get("/reports")
    assert 'href="/reports/2031-01"' in page.text
    assert (
        'href="/reports/2031-01.json"' in page.text and 'href="/reports/2031-01.csv"' in page.text
    )
    home = await client.get("/")
    assert 'href="/reports"' in home.text  # from the footer


async def test_a_month_renders_charts_with_text_alternatives_and_tables(
    client: httpx2.AsyncClient, db: Database
) -> None:
    await _published(db)
    page = await client.get("/reports/2031-01")
    assert page.status_code == 200
    body = page.text
    charts = re.findall(r"<svg[^>]*>", body)
    assert charts and all('role="img"' in c and "aria-labelledby" in c for c in charts)
    assert body.count("<title id=") == len(charts) and body.count("<desc id=") == len(charts)
    assert body.count('<table class="data">') == len(charts)
    assert "&lt;11" in body  # a small number, as published
    assert "Night Owls Collective" in body
    assert "$700.00" in body  # money out for food, in the deployment's currency
    # The report's own content needs no script: only the site-wide quick exit and htmx.
    main = body.split("<main", 1)[1].split("</main>", 1)[0]
    assert (
        "<script" not in main
        and " on" not in re.sub(r'"[^"]*"', "", main).lower().split("<svg")[0][:0]
    )
    digest = hashlib.sha256((await client.get("/reports/2031-01.json")).content).hexdigest()
    assert digest in body


async def test_json_csv_and_latest(client: httpx2.AsyncClient, db: Database) -> None:
    await _published(db)
    as_json = await client.get("/reports/2031-01.json")
    assert as_json.status_code == 200 and as_json.headers["content-type"] == "application/json"
    assert as_json.json()["period"] == "2031-01"
    assert as_json.headers["x-content-sha256"] == hashlib.sha256(as_json.content).hexdigest()
    latest = await client.get("/reports/latest.json")
    assert latest.content == as_json.content
    as_csv = await client.get("/reports/2031-01.csv")
    assert as_csv.headers["content-type"].startswith("text/csv")
    assert "attachment" in as_csv.headers["content-disposition"]
    rows = list(csv.reader(io.StringIO(as_csv.text)))
    assert rows[0] == ["period", "table", "row", "column", "measure", "value"]
    assert ["2031-01", "needs_posted_by_category", "transport", "count", "count", "<11"] in rows
    published_values = {r[5] for r in rows[1:] if r[5]}
    assert not any(v.isdigit() and 0 < int(v) < 11 for v in published_values)


async def test_unknown_and_malformed_periods_are_not_found(
    client: httpx2.AsyncClient, db: Database
) -> None:
    for path in ("/reports/2031-01", "/reports/2031-13", "/reports/nope.json", "/reports/x.csv"):
        assert (await client.get(path)).status_code == 404
    missing = await client.get("/reports/latest.json")
    assert missing.status_code == 404 and missing.json() == {
        "error": "no report has been published yet"
    }


async def test_privacy_page_states_the_live_threshold_and_retention(
    client: httpx2.AsyncClient, db: Database
) -> None:
    page = (await client.get("/privacy")).text
    settings = db.settings
    assert f"{settings.closed_retention_days} days after closing" in page
    assert f"{settings.need_expiry_days} days expire" in page
    assert f"“fewer than {settings.report_threshold}”" in page
    assert datetime.now(UTC).year > 2000
