"""What a person does on each page, in their words: small helpers over the real markup.

Helpers find things by ids, names and roles that don't change with the language, so the
same steps work under /es/. Nothing here puts a codename or typed text in a message.
"""

from __future__ import annotations

import gettext
import re
import time
from dataclasses import dataclass, field
from datetime import date

import pyotp
from playwright.sync_api import Locator, Page, expect
from playwright.sync_api import Response as PageResponse

from mutualaid import i18n

#: Seven words of the EFF long list, four of which are hyphenated ("t-shirt", "yo-yo").
CODENAME = re.compile(r"[a-z]+(?:-[a-z]+)*(?: [a-z]+(?:-[a-z]+)*){6}")
#: The Spanish interface is only Spanish once its catalog is compiled (*.mo is git-ignored).
SPANISH_MO = i18n.LOCALES_DIR / "es" / "LC_MESSAGES" / "messages.mo"
SPANISH_CATALOG = SPANISH_MO.exists()


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
    contact: str = "",
    between: tuple[date, date] | None = None,
) -> PageResponse:
    """Fill in the /ask form already open on `page` and send it. `between` is the first and
    last day, for urgency "window" ("between two dates")."""
    if category:
        page.locator(f'input[name="category"][value="{category}"]').check()
    if area:
        page.locator("select#area").select_option(area)
    if urgency:
        page.locator(f'input[name="urgency"][value="{urgency}"]').check()
    if between:
        # Date inputs take ISO dates whether or not the page runs scripts.
        page.locator("input#window_start").fill(between[0].isoformat())
        page.locator("input#window_end").fill(between[1].isoformat())
    if description:
        page.locator("textarea#description").fill(description)
    if pronouns or preferred_name or contact:
        details = page.locator("details.optional")
        if details.get_attribute("open") is None:
            details.locator("summary").click()
        if contact:
            page.locator("input#contact").fill(contact)
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
    action = page.locator("form:has(input#capacity)").get_attribute("action") or "/offer"
    return submit_and_wait(page, form_button(page, action))


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


def spanish_for(msgid: str) -> str | None:
    """The Spanish the compiled catalog has for an English message, or None while it has none
    (translations arrive over time; a page is only expected to say what the catalog says)."""
    if not SPANISH_CATALOG:
        return None
    with SPANISH_MO.open("rb") as catalog:
        translated = gettext.GNUTranslations(catalog).gettext(msgid)
    return translated if translated != msgid else None


# --- Staff: signing in and out ------------------------------------------------------------


class Authenticator:
    """A coordinator's authenticator app.

    The server takes each code once (it remembers the last 30-second step used) and, for
    clock drift, also the codes of the steps either side. So a second sign-in within the
    same step uses the next step's code, as a phone running a little fast would show, and
    only a third waits for time to catch up.
    """

    def __init__(self, secret: str) -> None:
        self._totp = pyotp.TOTP(secret)
        self._last_step: int | None = None

    def __repr__(self) -> str:
        return "<authenticator>"

    def next_code(self) -> Private:
        interval = self._totp.interval
        while True:
            step = int(time.time()) // interval
            wanted = step if self._last_step is None else max(step, self._last_step + 1)
            if wanted <= step + 1:
                self._last_step = wanted
                return Private(self._totp.generate_otp(wanted))
            time.sleep((step + 1) * interval - time.time() + 0.1)


def sign_in(page: Page, username: str, password: str) -> PageResponse:
    """On /staff/login, type a username and password and press Sign in (any language)."""
    page.locator("input#username").fill(username)
    page.locator("input#password").fill(password)
    action = page.locator("form:has(input#password)").get_attribute("action") or "/staff/login"
    return submit_and_wait(page, form_button(page, action))


def enter_code(page: Page, code: str) -> PageResponse:
    """On the second sign-in step, type the authenticator's code and press Continue."""
    page.locator("input#code").fill(code)
    return submit_and_wait(page, page.get_by_role("button", name="Continue", exact=True))


def sign_out(page: Page) -> PageResponse:
    """The "Sign out" button in the header (a plain POST form)."""
    button = page.locator("header.site-header").get_by_role("button", name="Sign out")
    return submit_and_wait(page, button)


# --- Organizations: applying, deciding, pledging -----------------------------------------


@dataclass(frozen=True)
class Application:
    """What an organization writes on /organizations/apply. Answers are keyed by question."""

    name: Private
    description: Private
    areas: tuple[str, ...]
    languages: tuple[str, ...]
    public_contact: Private
    credit: str
    worksheet: dict[str, str] = field(repr=False)
    worksheet_notes: Private
    username: str
    password: Private


def apply_as_organization(page: Page, application: Application) -> PageResponse:
    """Fill in the application already open on `page`, worksheet included, and send it."""
    page.locator("input#name").fill(application.name)
    page.locator("textarea#description").fill(application.description)
    for area in application.areas:
        page.locator(f'#areas input[name="areas"][value="{area}"]').check()
    for language in application.languages:
        page.locator(f'#languages input[name="languages"][value="{language}"]').check()
    page.locator("input#public_contact").fill(application.public_contact)
    page.locator(f'input[name="credit"][value="{application.credit}"]').check()
    for question, answer in application.worksheet.items():
        page.locator(f'input[name="{question}"][value="{answer}"]').check()
    page.locator("textarea#worksheet_notes").fill(application.worksheet_notes)
    page.locator('input[name="no_strings_commitment"]').check()
    page.locator("input#username").fill(application.username)
    page.locator("input#password").fill(application.password)
    page.locator("input#confirm").fill(application.password)
    form = page.locator("form:has(#no_strings_commitment)")
    return submit_and_wait(page, form.locator('button[type="submit"]'))


def link_with_text(area: Locator, text: str) -> Locator:
    """The one link in `area` whose text is exactly `text`, found without putting the text in
    a selector (a timeout would print it)."""
    links = area.get_by_role("link").all()
    matching = [i for i, link in enumerate(links) if link.inner_text().strip() == text]
    assert len(matching) == 1, f"expected one such link, found {len(matching)}"
    return area.get_by_role("link").nth(matching[0])


def texts_of(area: Locator) -> list[str]:
    return [t.strip() for t in area.all_inner_texts()]


@dataclass(frozen=True)
class Pledge:
    """What an organization writes on /portal/pledges/new. Hours: day (0 = Monday) to
    up to two ("HH:MM", "HH:MM") openings."""

    title: Private
    public_description: Private
    kind: str
    category: str
    areas: tuple[str, ...]
    capacity: int
    hours: dict[int, tuple[tuple[str, str], ...]] = field(repr=False)
    location_note: Private
    listed: bool = True


def make_a_pledge(page: Page, pledge: Pledge) -> PageResponse:
    """Fill in the pledge form already open on `page` and save it."""
    page.locator("input#title").fill(pledge.title)
    page.locator("textarea#public_description").fill(pledge.public_description)
    page.locator(f'input[name="kind"][value="{pledge.kind}"]').check()
    page.locator("select#category").select_option(pledge.category)
    for area in pledge.areas:
        page.locator(f'#areas input[name="areas"][value="{area}"]').check()
    page.locator("input#capacity").fill(str(pledge.capacity))
    for day, openings in pledge.hours.items():
        for slot, (opens, closes) in enumerate(openings):
            # Time inputs take "HH:MM" whether or not the page runs scripts.
            page.locator(f"input#hours_{day}_{slot}_opens").fill(opens)
            page.locator(f"input#hours_{day}_{slot}_closes").fill(closes)
    page.locator("input#location_note").fill(pledge.location_note)
    if pledge.listed:
        page.locator('input[name="listed"]').check()
    page.locator('input[name="no_conditions"]').check()
    return submit_and_wait(page, page.locator('form#form button[type="submit"]'))


def pledge_rows(page: Page) -> Locator:
    """The rows of the portal's pledge table (each row's id is "pledge-<id>")."""
    return page.locator("table#pledges tbody tr")


def pledge_id_titled(page: Page, title: str) -> str:
    """The id of the one pledge in the portal's table with this title."""
    ids = [
        (row.get_attribute("id") or "").removeprefix("pledge-")
        for row in pledge_rows(page).all()
        if row.locator("td").first.get_by_role("link").inner_text().strip() == title
    ]
    assert len(ids) == 1, f"expected one pledge with that title, found {len(ids)}"
    return ids[0]


# --- The public service directory --------------------------------------------------------


def directory_results(page: Page) -> Locator:
    return page.locator("#directory-results")


def filter_directory(page: Page, *, category: str, js: bool) -> None:
    """Choose a kind of help and press "Show services". With scripts on, htmx swaps only
    the results in (and the page stays the same); without, the whole page loads."""
    page.locator("select#category").select_option(category)
    button = page.get_by_role("button", name="Show services")
    if not js:
        submit_and_wait(page, button)
        return
    page.evaluate(
        "window.stillTheSamePage = true;"
        "document.getElementById('directory-results').dataset.before = 'filtering'"
    )
    button.click()
    # The old results carry the mark; the swapped-in ones don't.
    expect(page.locator("#directory-results[data-before]")).to_have_count(0)
    expect(directory_results(page)).to_have_count(1)
    stayed = page.evaluate("window.stillTheSamePage === true")
    assert stayed, "filtering the directory reloaded the page instead of swapping results"


# --- Matching: the coordinators' queue, suggestions, and the needs matched to a helper ------


def filter_the_queue(page: Page, **choices: str) -> PageResponse:
    """On /staff/queue, choose filters by name (category="phone-charging", area=...,
    urgency=..., status=...) and press "Show requests": a plain GET form, scripts or not."""
    for name, value in choices.items():
        page.locator(f"form#queue-filters select#{name}").select_option(value)
    return submit_and_wait(page, page.get_by_role("button", name="Show requests", exact=True))


def needs_in_the_queue(page: Page) -> list[str]:
    """The ids of the needs the queue shows now (each row's id is "need-<id>")."""
    rows = page.locator("#queue-results table#queue tbody tr").all()
    return [(row.get_attribute("id") or "").removeprefix("need-") for row in rows]


def suggestions(page: Page) -> Locator:
    """The rows of a need's suggestions (each row's id is "suggestion-<offer id>")."""
    return page.locator("#suggestions tbody tr")


def suggested_offer_ids(page: Page) -> list[str]:
    return [
        (row.get_attribute("id") or "").removeprefix("suggestion-")
        for row in suggestions(page).all()
    ]


def propose(page: Page, offer_id: str) -> PageResponse:
    """Press "Propose" beside one suggestion (a plain POST form, scripts or not)."""
    row = page.locator(f"#suggestion-{offer_id}")
    return submit_and_wait(page, row.get_by_role("button", name="Propose", exact=True))


def write_in_the_thread(page: Page, text: str, *, js: bool) -> None:
    """Type in the thread's box and press "Send message": with scripts htmx swaps the thread
    in place, without them the form posts and the page comes back."""
    box = page.locator("#thread textarea#body")
    box.fill(text)
    button = page.locator("#thread").get_by_role("button", name="Send message", exact=True)
    if not js:
        submit_and_wait(page, button)
        return
    page.evaluate("window.stillTheSamePage = true")
    with page.expect_response(
        lambda r: r.request.method == "POST" and r.url.endswith("/message")
    ) as sending:
        button.click()
    assert sending.value.status == 200, "sending a message failed"
    assert sending.value.request.headers.get("hx-request") == "true", "htmx did not send it"
    expect(box).to_have_value("")
    assert page.evaluate("window.stillTheSamePage") is True, "the whole page reloaded"


def needs_matched_to_us(page: Page, section: str = "open") -> list[str]:
    """Need ids in the portal's "Open matches" (open) or "Recently met" (met) table."""
    rows = page.locator(f"#{section}-needs tbody tr").all()
    return [(row.get_attribute("id") or "").removeprefix("need-") for row in rows]
