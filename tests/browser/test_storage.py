"""What the browser is left holding: nothing in web storage, one CSRF cookie."""

from __future__ import annotations

import pytest

from tests.browser.conftest import Journey

pytestmark = pytest.mark.browser


# htmx 2.0.11 writes HTMX_PATH_KEY to sessionStorage as it loads, whatever htmx-config says;
# static/js/quick-exit.js takes it back out. This test fails if that stops working.
@pytest.mark.parametrize("js_enabled", [True], ids=["js"], indirect=True)
def test_pages_leave_nothing_in_session_storage(journey: Journey) -> None:
    journey.visit("/check")
    journey.page.wait_for_load_state("load")
    keys = journey.page.evaluate("Object.keys(window.sessionStorage)")
    assert keys == [], f"sessionStorage keys after one page: {keys}"
