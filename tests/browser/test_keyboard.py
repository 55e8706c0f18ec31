"""Asking for help with the keyboard alone: Tab, arrows, Space, typing and Enter.

From the top of the home page: the first Tab lands on Quick exit, then through the header to
"Ask for help"; on the form every field is reached and filled by keyboard (the category by
Space and arrow keys, the area by typing, the optional details opened with Enter), Enter on
the button sends it and the codename is shown. Every element that takes focus on the way
must show where focus is: a solid outline at least 2 px wide whose colour stands out from
the page (3:1, WCAG 2.1 1.4.11).
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import Journey
from tests.browser.pages import Private, status_of, the_codename_shown

pytestmark = pytest.mark.browser

#: More Tab presses than any page here has stops; reaching it means a stop is missing.
MAX_TABS = 60
#: Non-text contrast a focus indicator needs against what surrounds it (WCAG 1.4.11).
MIN_FOCUS_CONTRAST = 3.0
_FOCUS_STYLE = """() => {
  const el = document.activeElement;
  const style = getComputedStyle(el);
  return {
    tag: el.tagName.toLowerCase() + (el.id ? '#' + el.id : ''),
    style: style.outlineStyle, width: parseFloat(style.outlineWidth),
    color: style.outlineColor,
    page: getComputedStyle(document.body).backgroundColor,
  };
}"""


def _luminance(css_colour: str) -> float:
    """Relative luminance (WCAG 2.1) of a computed `rgb(r, g, b)` colour."""
    red, green, blue = (int(part) for part in re.findall(r"\d+", css_colour)[:3])

    def linear(channel: int) -> float:
        c = channel / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    return 0.2126 * linear(red) + 0.7152 * linear(green) + 0.0722 * linear(blue)


def contrast(first: str, second: str) -> float:
    lighter, darker = sorted((_luminance(first), _luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def focus_is_visible(page: Page) -> None:
    """The focused element draws a focus outline that stands out from the page."""
    seen = page.evaluate(_FOCUS_STYLE)
    where = seen["tag"]
    assert seen["style"] not in ("none", "hidden"), f"no focus outline on {where}"
    assert seen["width"] >= 2, f"focus outline on {where} is {seen['width']} px"
    ratio = contrast(seen["color"], seen["page"])
    assert ratio >= MIN_FOCUS_CONTRAST, f"focus outline on {where}: contrast {ratio:.2f}"


def tab_to(page: Page, selector: str) -> None:
    """Press Tab until focus is on an element matching `selector` (we only look, never click),
    checking at every stop on the way that focus can be seen."""
    for _ in range(MAX_TABS):
        page.keyboard.press("Tab")
        focus_is_visible(page)
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
    focus_is_visible(page)

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
    focus_is_visible(page)

    page.keyboard.press("Tab")
    expect(page.locator("select#area")).to_be_focused()
    focus_is_visible(page)
    page.keyboard.type("North")
    expect(page.locator("select#area")).to_have_value("northside")

    page.keyboard.press("Tab")
    page.keyboard.press("Space")
    assert chosen(page, "urgency") == "now"
    focus_is_visible(page)

    tab_to(page, "textarea#description")
    description = Private("A ride to the clinic on Friday morning")
    page.keyboard.type(description)

    tab_to(page, "details.optional > summary")
    page.keyboard.press("Enter")
    expect(page.locator("details.optional")).to_have_attribute("open", "")
    tab_to(page, "input#contact")
    contact = Private("signal: keyboard.only.01")
    page.keyboard.type(contact)
    tab_to(page, "input#preferred_name")
    name = Private("Robin")
    page.keyboard.type(name)
    tab_to(page, "input#pronouns")
    page.keyboard.type("they/them")
    expect(page.locator("input#pronouns")).to_have_value("they/them")

    tab_to(page, "select#language")
    page.keyboard.type("Esp")
    expect(page.locator("select#language")).to_have_value("es")

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
