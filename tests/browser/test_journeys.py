"""Asking, offering, following up, withdrawing and erasing, as a person does it in a browser.

Each journey runs with JavaScript on and off. The `journey` fixture checks afterwards that
the browser only talked to the app and kept nothing but the CSRF cookie.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import ARTIFACTS, Journey
from tests.browser.pages import (
    SPANISH_CATALOG,
    Private,
    ask_for_help,
    check_with_codename,
    form_button,
    header_link,
    messages_in_thread,
    offer_help,
    status_of,
    submit_and_wait,
    the_codename_shown,
    thread_shows,
    typed_value_kept,
)

pytestmark = pytest.mark.browser

NEED = Private("Groceries for two days, vegetarian if possible")
MESSAGE = Private("Thursday evening works best for me")


def test_someone_asks_for_help_follows_up_with_the_codename_and_withdraws(
    journey: Journey,
) -> None:
    page = journey.page
    journey.visit("/")
    header_link(page, "Ask for help").click()
    expect(page).to_have_url(journey.server.url("/ask"))

    answer = ask_for_help(page, category="food", area="eastside", urgency="soon", description=NEED)
    assert answer.status == 200
    expect(page.locator("h1")).to_have_text("Your request is in")
    codename = journey.keep(the_codename_shown(page))

    header_link(page, "Check with a codename").click()
    assert check_with_codename(page, codename).status == 200
    expect(status_of(page)).to_have_text("Waiting for a match")
    expect(messages_in_thread(page)).to_have_count(0)

    if journey.js:
        page.evaluate("window.stillTheSamePage = true")
    page.locator("textarea#body").fill(MESSAGE)
    with page.expect_request(lambda r: r.url.endswith("/check/message")) as sending:
        page.get_by_role("button", name="Send message").click()
    expect(messages_in_thread(page)).to_have_count(1)
    assert thread_shows(page, MESSAGE), "the message I sent is not in the thread"
    expect(page.locator("textarea#body")).to_have_value("")
    if journey.js:
        # htmx swapped the thread in place: no page load, and the request said so.
        assert sending.value.headers.get("hx-request") == "true"
        assert page.evaluate("window.stillTheSamePage") is True, "the whole page reloaded"
    else:
        assert sending.value.is_navigation_request(), "without JS the form should post a page"

    submit_and_wait(page, page.get_by_role("button", name="Withdraw my request"))
    expect(status_of(page)).to_have_text("Withdrawn by you")
    expect(page.locator("textarea#body")).to_have_count(0)
    expect(page.get_by_role("button", name="Withdraw my request")).to_have_count(0)
    assert thread_shows(page, MESSAGE), "the thread lost its message after withdrawal"


def test_someone_erases_their_request_and_the_codename_stops_working(journey: Journey) -> None:
    page = journey.page
    journey.visit("/ask")
    answer = ask_for_help(
        page,
        category="hygiene",
        area="westside",
        urgency="flexible",
        description=Private("Soap and period supplies"),
        pronouns=Private("they/them"),
    )
    assert answer.status == 200
    codename = journey.keep(the_codename_shown(page))

    header_link(page, "Check with a codename").click()
    check_with_codename(page, codename)
    expect(status_of(page)).to_have_text("Waiting for a match")

    submit_and_wait(page, page.get_by_role("button", name="Erase everything now"))
    expect(page.locator("h1")).to_have_text("Erase everything now?")
    erased = submit_and_wait(page, page.get_by_role("button", name="Yes, erase everything"))
    assert erased.status == 200
    expect(page).to_have_url(journey.server.url("/check/erased"))
    expect(page.locator("h1")).to_have_text("Erased")

    header_link(page, "Check with a codename").click()
    answer = check_with_codename(page, codename)
    assert answer.status == 404
    expect(page.locator(".error")).to_contain_text("We couldn't find anything for that codename")
    expect(status_of(page)).to_have_count(0)


def test_someone_offers_rides_then_pauses_and_resumes_the_offer(journey: Journey) -> None:
    page = journey.page
    journey.visit("/")
    header_link(page, "Offer help").click()
    expect(page).to_have_url(journey.server.url("/offer"))

    answer = offer_help(
        page,
        kind="ride",
        category="transport",
        areas=["northside", "southside"],
        capacity=3,
        notes=Private("Weekday evenings, small car"),
    )
    assert answer.status == 200
    expect(page.locator("h1")).to_have_text("Your offer is in")
    codename = journey.keep(the_codename_shown(page))

    header_link(page, "Check with a codename").click()
    check_with_codename(page, codename)
    expect(page.locator("h1")).to_have_text("Your offer")
    expect(status_of(page)).to_have_text("Open: coordinators can match it")

    submit_and_wait(page, page.get_by_role("button", name="Pause", exact=True))
    expect(status_of(page)).to_have_text("Paused by you")
    expect(page.get_by_role("button", name="Pause", exact=True)).to_have_count(0)

    submit_and_wait(page, page.get_by_role("button", name="Resume", exact=True))
    expect(status_of(page)).to_have_text("Open: coordinators can match it")
    expect(page.get_by_role("button", name="Resume", exact=True)).to_have_count(0)
    for still_there in ("Pause", "End my offer", "Erase everything now"):
        expect(page.get_by_role("button", name=still_there, exact=True)).to_have_count(1)


def test_someone_switches_to_spanish_and_asks_for_help_in_spanish(journey: Journey) -> None:
    page = journey.page
    journey.visit("/")
    page.locator("nav.languages").get_by_role("link", name="Español").click()
    expect(page).to_have_url(journey.server.url("/es/"))
    expect(page.locator("html")).to_have_attribute("lang", "es")

    ask_link = page.locator('header.site-header nav a[href="/es/ask"]')
    if SPANISH_CATALOG:
        expect(ask_link).to_have_text("Pedir ayuda")
        expect(page.locator("#quick-exit")).to_have_text("Salida rápida")
    ask_link.click()
    expect(page).to_have_url(journey.server.url("/es/ask"))
    expect(page.locator("html")).to_have_attribute("lang", "es")
    # Asking in Spanish means being answered in Spanish unless one says otherwise.
    expect(page.locator("select#language")).to_have_value("es")
    if SPANISH_CATALOG:
        expect(form_button(page, "/es/ask")).to_have_text("Enviar mi solicitud")
    if not journey.js:
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=ARTIFACTS / "ask-in-spanish.png", full_page=True)

    answer = ask_for_help(
        page,
        category="phone-charging",
        area="downtown",
        urgency="now",
        description=Private("Necesito cargar mi teléfono esta noche"),
    )
    assert answer.status == 200
    expect(page).to_have_url(journey.server.url("/es/ask"))
    expect(page.locator("html")).to_have_attribute("lang", "es")
    codename = journey.keep(the_codename_shown(page))

    page.locator('header.site-header nav a[href="/es/check"]').click()
    check_with_codename(page, codename)
    expect(page).to_have_url(journey.server.url("/es/check"))
    expect(page.locator("html")).to_have_attribute("lang", "es")
    expect(page.locator("dl.summary")).to_contain_text("Español")
    if SPANISH_CATALOG:
        expect(status_of(page)).not_to_have_text("Waiting for a match")


@pytest.mark.skipif(not SPANISH_CATALOG, reason="the Spanish catalog (es/messages.mo) is not built")
@pytest.mark.parametrize("js_enabled", [False], ids=["no-js"], indirect=True)
def test_the_spanish_pages_speak_spanish(journey: Journey) -> None:
    page = journey.page
    journey.visit("/es/ask")
    expect(page.locator("#quick-exit")).to_have_text("Salida rápida")
    expect(page.locator('header.site-header nav a[href="/es/ask"]')).to_have_text("Pedir ayuda")
    expect(form_button(page, "/es/ask")).to_have_text("Enviar mi solicitud")


def test_an_empty_form_explains_what_is_missing_and_keeps_what_was_typed(
    journey: Journey,
) -> None:
    page = journey.page
    journey.visit("/ask")

    answer = submit_and_wait(page, page.get_by_role("button", name="Send my request"))
    assert answer.status == 422
    summary = page.locator(".error-summary")
    expect(summary).to_be_visible()
    expect(summary.get_by_role("link")).to_have_count(4)
    hrefs = [a.get_attribute("href") for a in summary.get_by_role("link").all()]
    assert hrefs == ["#category", "#area", "#urgency", "#description"]
    for field in ("category", "area", "urgency", "description"):
        expect(page.locator(f"#{field}-error.error")).to_be_visible()
    expect(page.locator("select#area")).to_have_attribute("aria-invalid", "true")

    typed = Private("Bus fare to the clinic and back")
    pronouns = Private("she/her")
    answer = ask_for_help(
        page,
        category=None,
        area="southside",
        urgency="now",
        description=typed,
        pronouns=pronouns,
    )
    assert answer.status == 422
    expect(summary).to_be_visible()
    expect(page.locator(".error")).to_have_count(1)
    expect(page.locator("#category-error")).to_be_visible()
    assert typed_value_kept(page, "textarea#description", typed), "the description was lost"
    assert typed_value_kept(page, "input#pronouns", pronouns), "the pronouns were lost"
    expect(page.locator("details.optional")).to_have_attribute("open", "")
    expect(page.locator("select#area")).to_have_value("southside")
    expect(page.locator('input[name="urgency"][value="now"]')).to_be_checked()
    if journey.js:
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=ARTIFACTS / "ask-with-errors.png", full_page=True)

    # Choosing the one missing thing is enough: everything else was kept.
    answer = ask_for_help(page, category="transport", area=None, urgency=None)
    assert answer.status == 200
    journey.keep(the_codename_shown(page))
