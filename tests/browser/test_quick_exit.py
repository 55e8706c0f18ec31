"""Quick exit: the first thing a keyboard reaches, and gone in one step, leaving no way Back."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import Journey
from tests.browser.pages import header_link

pytestmark = pytest.mark.browser

PAGES = ["/", "/ask", "/offer", "/check", "/privacy", "/agreements", "/check/erased", "/es/ask"]
CLEAR_SITE_DATA = '"cache", "cookies", "storage"'


def test_quick_exit_is_the_first_tab_stop_on_every_page(journey: Journey) -> None:
    page = journey.page
    for path in [*PAGES, "/no-such-page"]:
        journey.visit(path)
        page.keyboard.press("Tab")
        quick_exit = page.locator("#quick-exit")
        expect(quick_exit).to_be_focused()
        expect(quick_exit).to_have_attribute("href", "/exit")
        if not path.startswith("/es/"):
            expect(quick_exit).to_have_text("Quick exit")


def test_clicking_quick_exit_lands_on_the_neutral_page(journey: Journey) -> None:
    page = journey.page
    journey.visit("/")
    header_link(page, "Ask for help").click()
    expect(page).to_have_url(journey.server.url("/ask"))
    page.locator("textarea#description").fill("Somewhere to sleep tonight")
    cookie_before = journey.csrf_cookie_value()

    with page.expect_response(journey.server.url("/exit")) as leaving:
        page.locator("#quick-exit").click()
    expect(page).to_have_url(journey.server.quick_exit_url)
    exit_response = leaving.value
    assert exit_response.status == 303
    assert exit_response.header_value("clear-site-data") == CLEAR_SITE_DATA
    # The browser obeyed Clear-Site-Data: the old cookie is gone (the neutral page set a new one).
    assert journey.csrf_cookie_value() != cookie_before, "the cookie survived quick exit"
    journey.forget_first_cookie()

    if journey.js:
        # location.replace() put the neutral page in place of /ask: Back skips it.
        page.go_back()
        expect(page).to_have_url(journey.server.url("/"))


@pytest.mark.parametrize("js_enabled", [True], ids=["js"], indirect=True)
def test_pressing_escape_leaves_at_once_and_back_does_not_return(journey: Journey) -> None:
    page = journey.page
    journey.visit("/")
    header_link(page, "Check with a codename").click()
    expect(page).to_have_url(journey.server.url("/check"))
    page.locator("input#codename").click()
    page.keyboard.type("half typed")

    with page.expect_response(journey.server.url("/exit")) as leaving:
        page.keyboard.press("Escape")
    expect(page).to_have_url(journey.server.quick_exit_url)
    assert leaving.value.header_value("clear-site-data") == CLEAR_SITE_DATA
    journey.forget_first_cookie()

    page.go_back()
    expect(page).to_have_url(journey.server.url("/"))
