"""What a person does on each page, in their words: small helpers over the real markup.

Helpers find things by ids, names and roles that don't change with the language, so the
same steps work under /es/. Nothing here puts a codename or typed text in a message.
"""

from __future__ import annotations

import re

from playwright.sync_api import Locator, Page, expect
from playwright.sync_api import Response as PageResponse

from mutualaid import i18n

CODENAME = re.compile(r"[a-z]+(?: [a-z]+){6}")
#: The Spanish interface is only Spanish once its catalog is compiled (*.mo is git-ignored).
SPANISH_CATALOG = (i18n.LOCALES_DIR / "es" / "LC_MESSAGES" / "messages.mo").exists()


class Private(str):
    """A codename, or text a person typed: test output (tracebacks included) never shows it."""

    __slots__ = ()

    def __repr__(self) -> str:
        return "<private>"


def header_link(page: Page, name: str) -> Locator:
    return page.locator("header.site-header nav").first.get_by_role("link", name=name, exact=True)


def submit_and_wait(page: Page, button: Locator) -> PageResponse:
    """Press a button that submits a form as a page load, and return the page's response."""
    with page.expect_navigation() as navigation:
        button.click()
    response = navigation.value
    assert response is not None, "the form did not load a page"
    return response


def form_button(page: Page, form_action: str) -> Locator:
    """The submit button of the form that posts to `form_action` (any language)."""
    return page.locator(f'form[action="{form_action}"] button[type="submit"]')


def ask_for_help(
    page: Page,
    *,
    category: str | None = "food",
    area: str | None = "downtown",
    urgency: str | None = "now",
    description: str = "",
    pronouns: str = "",
    preferred_name: str = "",
) -> PageResponse:
    """Fill in the /ask form already open on `page` and send it."""
    if category:
        page.locator(f'input[name="category"][value="{category}"]').check()
    if area:
        page.locator("select#area").select_option(area)
    if urgency:
        page.locator(f'input[name="urgency"][value="{urgency}"]').check()
    if description:
        page.locator("textarea#description").fill(description)
    if pronouns or preferred_name:
        details = page.locator("details.optional")
        if details.get_attribute("open") is None:
            details.locator("summary").click()
        if preferred_name:
            page.locator("input#preferred_name").fill(preferred_name)
        if pronouns:
            page.locator("input#pronouns").fill(pronouns)
    action = page.locator("form:has(textarea#description)").get_attribute("action") or "/ask"
    return submit_and_wait(page, form_button(page, action))


def offer_help(
    page: Page,
    *,
    kind: str,
    category: str,
    areas: list[str],
    capacity: int,
    notes: str = "",
) -> PageResponse:
    """Fill in the /offer form already open on `page` and send it."""
    page.locator(f'input[name="kind"][value="{kind}"]').check()
    page.locator("select#category").select_option(category)
    for area in areas:
        page.locator(f'input[name="areas"][value="{area}"]').check()
    page.locator("input#capacity").fill(str(capacity))
    if notes:
        page.locator("textarea#notes").fill(notes)
    return submit_and_wait(page, page.get_by_role("button", name="Send my offer"))


def the_codename_shown(page: Page) -> str:
    """Read the codename from the success page, checking it looks like one."""
    shown = page.locator("p#codename")
    expect(shown).to_have_count(1)
    codename = Private(shown.inner_text().strip())
    looks_right = CODENAME.fullmatch(codename) is not None
    assert looks_right, "the codename is not seven lowercase words separated by spaces"
    return codename


def check_with_codename(page: Page, codename: str) -> PageResponse:
    """On the /check page, type the codename and press Check."""
    page.locator("input#codename").fill(codename)
    action = page.locator("form:has(input#codename)").get_attribute("action") or "/check"
    return submit_and_wait(page, form_button(page, action))


def status_of(page: Page) -> Locator:
    return page.locator("#status")


def messages_in_thread(page: Page) -> Locator:
    return page.locator("#thread ol.messages li.message")


def thread_shows(page: Page, text: str) -> bool:
    """Whether one of the thread's messages says exactly `text` (without echoing it)."""
    bodies = messages_in_thread(page).locator("p:not(.meta)").all_inner_texts()
    return any(body.strip() == text for body in bodies)


def typed_value_kept(page: Page, selector: str, text: str) -> bool:
    return page.locator(selector).input_value() == text
