"""Asking for help with the keyboard alone: Tab, arrows, Space, typing and Enter."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import Journey
from tests.browser.pages import Private, status_of, the_codename_shown

pytestmark = pytest.mark.browser

#: More Tab presses than any page here has stops; reaching it means a stop is missing.
MAX_TABS = 60


def tab_to(page: Page, selector: str) -> None:
    """Press Tab until focus is on an element matching `selector` (we only look, never click)."""
    for _ in range(MAX_TABS):
        page.keyboard.press("Tab")
        if page.evaluate("(s) => document.activeElement?.matches(s) === true", selector):
            return
    pytest.fail(f"Tab never reached {selector}")


def chosen(page: Page, name: str) -> str | None:
    return page.locator(f'input[name="{name}"]:checked').get_attribute("value")


@pytest.mark.parametrize("js_enabled", [True], ids=["js"], indirect=True)
def test_someone_asks_for_help_using_only_the_keyboard(journey: Journey) -> None:
    page = journey.page
    journey.visit("/")
    page.keyboard.press("Tab")
    expect(page.locator("#quick-exit")).to_be_focused()

    tab_to(page, 'header.site-header nav a[href="/ask"]')
    with page.expect_navigation():
        page.keyboard.press("Enter")
    expect(page).to_have_url(journey.server.url("/ask"))

    tab_to(page, 'input[name="category"]')
    page.keyboard.press("Space")
    assert chosen(page, "category") == "food"
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    assert chosen(page, "category") == "transport"

    page.keyboard.press("Tab")
    expect(page.locator("select#area")).to_be_focused()
    page.keyboard.type("North")
    expect(page.locator("select#area")).to_have_value("northside")

    page.keyboard.press("Tab")
    page.keyboard.press("Space")
    assert chosen(page, "urgency") == "now"

    tab_to(page, "textarea#description")
    description = Private("A ride to the clinic on Friday morning")
    page.keyboard.type(description)

    tab_to(page, "details.optional > summary")
    page.keyboard.press("Enter")
    expect(page.locator("details.optional")).to_have_attribute("open", "")
    tab_to(page, "input#preferred_name")
    name = Private("Robin")
    page.keyboard.type(name)

    tab_to(page, 'form button[type="submit"]')
    with page.expect_navigation() as sent:
        page.keyboard.press("Enter")
    assert sent.value is not None and sent.value.status == 200
    codename = journey.keep(the_codename_shown(page))

    # And back again, still by keyboard: follow the link, type the words, press Enter.
    tab_to(page, 'main a.button[href="/check"]')
    with page.expect_navigation():
        page.keyboard.press("Enter")
    tab_to(page, "input#codename")
    page.keyboard.type(codename)
    with page.expect_navigation() as checked:
        page.keyboard.press("Enter")
    assert checked.value is not None and checked.value.status == 200
    expect(status_of(page)).to_have_text("Waiting for a match")
    greeted = page.locator("h1").inner_text() == f"Hello, {name}"
    assert greeted, "the preferred name typed by keyboard was not kept"
    kept = page.locator("p.quote").inner_text().strip() == description
    assert kept, "the description typed by keyboard was not kept"
