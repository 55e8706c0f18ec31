"""Matching a need with help, as the people involved do it, each in a browser of their own.

A community member posts a need; a coordinator finds it in the queue, picks the first
suggestion, the organization accepts, the member consents and reads a message through the
codename, the organization marks it fulfilled, and the queue and counters reflect it. Then
two coordinators reach for the last place in a pledge at once. With JavaScript on and off
(the race without it only). The `journey` is the member; `another_person` opens the others.

The suggestion has to be the organization's pledge, deterministically. The demo's Downtown
phone-charging pledge can't be that: the demo also has an anonymous phone-charging offer in
Downtown, open every day, which ties with it on area, first day and load, so their order
falls to the offers' random ids. So the demo organization pledges a charge for one more
phone on weekday evenings in Eastside (capacity 1, used up by the match), and the member asks
for a Friday there: the only other Eastside charging hours (test_organizations) are closed
on Fridays, and Downtown's offers are a neighbour's, ranked after this area's.
"""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

import pytest
from babel.dates import format_date
from playwright.sync_api import Locator, Page, expect

from mutualaid.services.demo import DEMO_COORDINATOR, DEMO_ORGANIZATION_MEMBER
from tests.browser.conftest import Arrival, Journey, ServerDatabase
from tests.browser.pages import (
    Authenticator,
    Pledge,
    Private,
    ask_for_help,
    check_with_codename,
    enter_code,
    filter_the_queue,
    make_a_pledge,
    needs_in_the_queue,
    needs_matched_to_us,
    pledge_id_titled,
    propose,
    sign_in,
    sign_out,
    status_of,
    submit_and_wait,
    suggested_offer_ids,
    suggestions,
    the_codename_shown,
    thread_shows,
    write_in_the_thread,
)

pytestmark = pytest.mark.browser

HARBOUR_LIGHT = "Harbour Light Drop-in (demo)"
WEEKDAY_EVENINGS: dict[int, tuple[tuple[str, str], ...]] = {
    day: (("17:00", "21:00"),) for day in range(5)
}
#: The counters' dimensions for a phone-charging need in Eastside.
PHONE_CHARGING, EAST = "phone-charging", "East"
QUEUE_FILTERS = {"category": PHONE_CHARGING, "area": "eastside", "urgency": "window"}
TAKEN = "That offer can't take this any more; here are fresh suggestions."


@dataclass(frozen=True)
class Need:
    """What the member asks for: a charge on one Friday, with a contact they may share."""

    description: Private
    contact: Private
    friday: date


def a_friday_at_least_three_days_ahead() -> date:
    """So the suggestion's reason names the day ("Fri 27 Nov"), not "today" or "tomorrow",
    even if midnight (UTC, the server's day) passes during the journey."""
    today = datetime.now(UTC).date()
    ahead = (4 - today.weekday()) % 7
    return today + timedelta(days=ahead if ahead >= 3 else ahead + 7)


def a_phone_charge_on_friday() -> Need:
    run = uuid.uuid4().hex[:8]
    return Need(
        description=Private(f"My phone dies before my Friday shift ends, need a charge ({run})"),
        contact=Private(f"signal: charge-canary-{run}"),
        friday=a_friday_at_least_three_days_ahead(),
    )


def one_more_phone_charge() -> Pledge:
    run = uuid.uuid4().hex[:6].upper()
    return Pledge(
        title=Private(f"One more phone charge {run}"),
        public_description=Private("One spare charging point on weekday evenings."),
        kind="space",
        category=PHONE_CHARGING,
        areas=("eastside",),
        capacity=1,
        hours=WEEKDAY_EVENINGS,
        location_note=Private("Back room, ask at the desk"),
        listed=False,
    )


def this_month() -> str:
    return datetime.now(UTC).strftime("%Y-%m")


def says_exactly(element: Locator, text: str) -> bool:
    """Whether an element's text is exactly `text`. A bool, so that a failing assert echoes
    neither what the page says nor what was typed (pytest would print both sides)."""
    return element.inner_text().strip() == text


def mentions(page: Page, text: str) -> bool:
    """Whether `text` is anywhere in the page's markup (a bool, for the same reason)."""
    return text in page.content()


# --- What each person does ----------------------------------------------------------------


def the_coordinator_signs_in(coordinator: Journey, authenticator: Authenticator) -> None:
    coordinator.will_sign_in()
    coordinator.visit("/staff/login")
    username, password = DEMO_COORDINATOR
    sign_in(coordinator.page, username, Private(password))
    expect(coordinator.page).to_have_url(coordinator.server.url("/staff/login/code"))
    enter_code(coordinator.page, authenticator.next_code())
    expect(coordinator.page).to_have_url(coordinator.server.url("/staff"))


def the_organization_signs_in(organization: Journey) -> None:
    organization.will_sign_in()
    organization.visit("/staff/login")
    username, password = DEMO_ORGANIZATION_MEMBER
    sign_in(organization.page, username, Private(password))
    expect(organization.page).to_have_url(organization.server.url("/portal"))


def they_sign_out(person: Journey) -> None:
    sign_out(person.page)
    expect(person.page).to_have_url(person.server.url("/staff/login"))
    assert person.cookie_names() == ["csrf"], "signing out left a session cookie behind"
    person.signed_out()


def the_organization_pledges(organization: Journey, pledge: Pledge) -> str:
    """From the portal, make a pledge; returns its id."""
    page = organization.page
    page.get_by_role("link", name="Make a pledge").click()
    make_a_pledge(page, pledge)
    expect(page.locator("#notice")).to_have_text("Your pledge is saved.")
    return pledge_id_titled(page, pledge.title)


def the_member_asks(member: Journey, need: Need) -> Private:
    """Post the need from /ask and write the codename down."""
    member.visit("/ask")
    answer = ask_for_help(
        member.page,
        category=PHONE_CHARGING,
        area="eastside",
        urgency="window",
        between=(need.friday, need.friday),
        description=need.description,
        contact=need.contact,
    )
    assert answer.status == 200, "posting the need failed"
    expect(member.page.locator("h1")).to_have_text("Your request is in")
    return member.keep(the_codename_shown(member.page))


def open_the_queue(page: Page, origin: str) -> None:
    page.goto(origin + "/staff")
    page.get_by_role("link", name="The queue: requests waiting for help").click()
    expect(page.locator("h1")).to_have_text("Queue")
    filter_the_queue(page, **QUEUE_FILTERS)


def find_it_in_the_queue(page: Page, origin: str, need: Need) -> str:
    """Narrow the queue to phone charging in Eastside between two dates, and open each
    request until the one with these words: the queue shows no one's words."""
    open_the_queue(page, origin)
    for need_id in needs_in_the_queue(page):
        with page.expect_navigation():
            page.locator(f"#open-{need_id}").click()
        if says_exactly(page.locator("#description"), need.description):
            return need_id
        page.go_back()
    pytest.fail("the member's request is not in the queue")


def the_reason_given(need: Need) -> re.Pattern[str]:
    """Why the new pledge is suggested: this area, that Friday, the one place, and who."""
    day = format_date(need.friday, "EEE d MMM", locale="en")
    load = r"(, already on \d+ match(es)?)?"
    return re.compile(
        rf"^Serves this area; from {re.escape(day)}; 1 left; {re.escape(HARBOUR_LIGHT)}{load}$"
    )


def open_what_was_matched_to_us(organization: Journey, need_id: str) -> None:
    page = organization.page
    organization.visit("/portal")
    page.get_by_role("link", name="Needs matched to you").click()
    expect(page.locator("h1")).to_have_text("Needs matched to you")
    assert need_id in needs_matched_to_us(page, "open"), "the match is not listed"
    page.locator(f"#open-needs #need-{need_id} a").click()
    expect(page).to_have_url(organization.server.url(f"/portal/needs/{need_id}"))


def counted(database: ServerDatabase, metric: str, month: str) -> int:
    """What the reports count for phone charging in the East this month."""
    rows = database.rows(
        "SELECT COALESCE(SUM(value), 0) FROM counter"
        " WHERE metric = ? AND period = ? AND category = ? AND area_group = ?",
        metric,
        month,
        PHONE_CHARGING,
        EAST,
    )
    return int(rows[0][0])


def stored_contact(database: ServerDatabase, need_id: str) -> bytes | None:
    """The need's contact as stored (ciphertext), or None once erased."""
    rows = database.rows("SELECT contact FROM need WHERE CAST(id AS TEXT) = ?", need_id)
    assert len(rows) == 1, "the need is not in the database once"
    value = rows[0][0]
    return None if value is None else bytes(value)


def stored_anywhere(database: ServerDatabase, data: bytes) -> bool:
    """Whether these bytes are anywhere in the SQLite file or its WAL: secure_delete zeroes
    freed space, and closing checkpoints the WAL (always False on PostgreSQL)."""
    return any(data in path.read_bytes() for path in database.files())


# --- The journey ---------------------------------------------------------------------------


def test_a_need_is_matched_accepted_shared_and_met_and_the_queue_and_counters_show_it(
    journey: Journey,
    another_person: Arrival,
    authenticator: Authenticator,
    server_database: ServerDatabase,
) -> None:
    member = journey
    organization = another_person("organization")
    coordinator = another_person("coordinator")
    need = a_phone_charge_on_friday()
    message = Private(f"Come by Friday after five, we keep a charger for you ({uuid.uuid4().hex})")
    month = this_month()

    # The organization pledges a charge for one more phone on weekday evenings in Eastside.
    the_organization_signs_in(organization)
    pledge_id = the_organization_pledges(organization, one_more_phone_charge())
    they_sign_out(organization)

    # A community member asks for a charge on Friday, leaving a way to reach them.
    codename = the_member_asks(member, need)

    # A coordinator finds it in the queue and opens it: the pledge is the first suggestion.
    the_coordinator_signs_in(coordinator, authenticator)
    page = coordinator.page
    need_id = find_it_in_the_queue(page, coordinator.origin, need)
    expect(page.locator("#status")).to_have_text("Waiting for a match")
    assert says_exactly(page.locator("#contact"), need.contact), "coordinators don't see it"
    sealed_contact = stored_contact(server_database, need_id)
    assert sealed_contact is not None, "the contact was not stored"
    offers = suggested_offer_ids(page)
    assert offers and offers[0] == pledge_id, "the pledge is not the first suggestion"
    expect(suggestions(page).first.locator("td.reason")).to_have_text(the_reason_given(need))
    matched_before = counted(server_database, "needs_matched", month)
    fulfilled_before = counted(server_database, "needs_fulfilled", month)

    # They pick the first suggestion.
    propose(page, offers[0])
    expect(page).to_have_url(coordinator.server.url(f"/staff/needs/{need_id}?done=proposed"))
    expect(page.locator("#notice")).to_have_text(
        "Match proposed. The helper is asked to accept; the request waits for them."
    )
    expect(page.locator("#status")).to_have_text("Matched")
    expect(page.locator("#match dd").first).to_have_text(HARBOUR_LIGHT)
    expect(page.locator("#match-status")).to_have_text("Proposed: waiting for the helper to accept")
    expect(page.locator("#suggestions")).to_have_count(0)
    open_the_queue(page, coordinator.origin)
    in_the_queue = needs_in_the_queue(page)
    assert need_id in in_the_queue, "a matched request left the queue before it was met"
    expect(page.locator(f"#need-{need_id} td").nth(5)).to_have_text(
        "Proposed, waiting for the helper"
    )

    # The organization sees it among the needs matched to it, without the contact; accepts.
    the_organization_signs_in(organization)
    open_what_was_matched_to_us(organization, need_id)
    page = organization.page
    expect(page.locator("#match-status")).to_have_text("Waiting for your answer")
    assert says_exactly(page.locator("#description"), need.description), "not their words"
    expect(page.locator("#contact")).to_contain_text("Not shared with you.")
    assert not mentions(page, need.contact), "the contact is shown before the member agreed"
    submit_and_wait(page, page.get_by_role("button", name="Accept: we can help"))
    expect(page).to_have_url(organization.server.url(f"/portal/needs/{need_id}?notice=accepted"))
    expect(page.locator("#match-status")).to_have_text("Accepted by you")
    expect(page.locator("#fulfil")).to_be_visible()
    write_in_the_thread(page, message, js=organization.js)
    assert thread_shows(page, message), "their message is not in the thread"
    they_sign_out(organization)

    # The member checks with the codename: who is helping, and whether to share the contact.
    member.visit("/check")
    check_with_codename(member.page, codename)
    page = member.page
    expect(status_of(page)).to_have_text("Matched with someone who can help")
    expect(page.locator("#helper")).to_have_text(HARBOUR_LIGHT)
    expect(page.locator("#match-status")).to_have_text("Accepted by the helper")
    expect(page.locator("#consent-status")).to_have_text("Not shared with them")
    shown = says_exactly(page.locator("#consent-contact"), need.contact)
    assert shown, "the member is not shown exactly what would be shared"
    submit_and_wait(
        page, page.get_by_role("button", name="Yes, share my contact details with them")
    )
    expect(page.locator("main p.notice").first).to_contain_text(
        "Your contact details are now shared with the helper matched with you."
    )
    expect(page.locator("#consent-status")).to_have_text("Shared with them")
    assert thread_shows(page, message), "the member can't read the organization's message"
    helper_said = page.locator("#thread li.message.from-organization p.meta")
    expect(helper_said).to_have_text(["The helper"])

    # The organization signs in again, now sees the contact, and marks the need met.
    the_organization_signs_in(organization)
    open_what_was_matched_to_us(organization, need_id)
    page = organization.page
    assert says_exactly(page.locator("#contact"), need.contact), "the contact is not shared"
    submit_and_wait(page, page.get_by_role("button", name="Mark fulfilled", exact=True))
    expect(page).to_have_url(organization.server.url(f"/portal/needs/{need_id}?notice=fulfilled"))
    expect(page.locator("#met")).to_have_text(
        "Your organization helped meet this request. Thank you."
    )
    expect(page.locator("#contact")).to_have_text(
        "Contact details are erased once a request closes."
    )
    assert not mentions(page, need.contact), "the contact is still shown after it was met"
    assert thread_shows(page, message), "the thread lost its message"
    page.get_by_role("link", name="Back to the needs matched to you").click()
    expect(page.locator(f"#met-needs #need-{need_id}")).to_have_count(1)
    expect(page.locator(f"#open-needs #need-{need_id}")).to_have_count(0)

    # The coordinator's queue no longer holds it, and nothing else in it changed.
    page = coordinator.page
    open_the_queue(page, coordinator.origin)
    now_in_the_queue = needs_in_the_queue(page)
    assert need_id not in now_in_the_queue, "a met request is still in the queue"
    assert set(now_in_the_queue) == set(in_the_queue) - {need_id}, "other requests changed"
    coordinator.visit(f"/staff/needs/{need_id}")
    expect(page.locator("#status")).to_have_text("Met")
    expect(page.locator("#contact")).to_have_text(
        "None kept: contact details are erased when a request closes."
    )
    expect(page.locator("#close")).to_have_count(0)

    # The counters moved, and the contact is gone from the database.
    if this_month() != month:
        pytest.skip("the month turned during the journey; the counters moved in the next one")
    assert counted(server_database, "needs_matched", month) == matched_before + 1
    assert counted(server_database, "needs_fulfilled", month) == fulfilled_before + 1
    erased = stored_contact(server_database, need_id) is None
    assert erased, "the contact was not erased"
    assert not stored_anywhere(server_database, sealed_contact), "the contact is still on disk"

    # The member sees it met; their contact is no longer shown to them either.
    member.visit("/check")
    check_with_codename(member.page, codename)
    expect(status_of(member.page)).to_have_text("Met")
    expect(member.page.locator("#match")).to_have_count(0)
    assert not mentions(member.page, need.contact), "the erased contact is still shown"
    assert thread_shows(member.page, message), "the thread lost its message"


# --- Two coordinators, one place left -------------------------------------------------------


@pytest.mark.parametrize("js_enabled", [False], ids=["no-js"], indirect=True)
def test_two_coordinators_propose_the_last_place_at_once_and_the_second_is_told_plainly(
    journey: Journey,
    another_person: Arrival,
    authenticator: Authenticator,
    server_database: ServerDatabase,
) -> None:
    member = journey
    organization = another_person("organization")
    coordinator = another_person("coordinators")
    first_need, second_need = a_phone_charge_on_friday(), a_phone_charge_on_friday()

    # An organization pledges one place; two people ask for it.
    the_organization_signs_in(organization)
    pledge_id = the_organization_pledges(organization, one_more_phone_charge())
    the_member_asks(member, first_need)
    the_member_asks(member, second_need)

    # Two coordinators' screens (two tabs: the demo has one coordinator account, and every
    # sign-in spends a one-time code) each open one of the needs: both offer the one place.
    the_coordinator_signs_in(coordinator, authenticator)
    one, other = coordinator.page, coordinator.context.new_page()
    first_id = find_it_in_the_queue(one, coordinator.origin, first_need)
    second_id = find_it_in_the_queue(other, coordinator.origin, second_need)
    for page in (one, other):
        assert pledge_id in suggested_offer_ids(page), "the pledge is not suggested"
        expect(page.locator(f"#reason-{pledge_id}")).to_contain_text("; 1 left; ")

    # The first proposal takes the place.
    propose(one, pledge_id)
    expect(one.locator("#notice")).to_contain_text("Match proposed.")
    expect(one.locator("#status")).to_have_text("Matched")

    # The second, from a page that still offered it, is told plainly, with fresh suggestions.
    answer = propose(other, pledge_id)
    assert answer.status == 409, "a proposal for an offer with no place left did not conflict"
    expect(other).to_have_url(coordinator.server.url(f"/staff/needs/{second_id}/match"))
    expect(other.locator("#conflict")).to_have_text(TAKEN)
    expect(other.locator("#conflict")).to_have_attribute("role", "alert")
    expect(other.locator("#status")).to_have_text("Waiting for a match")
    expect(other.locator("#suggestions")).to_be_visible()
    assert pledge_id not in suggested_offer_ids(other), "the taken offer is still suggested"
    assert says_exactly(other.locator("#description"), second_need.description), "words lost"
    expect(other.locator("#match")).to_have_count(0)

    # Nothing is lost: both needs are in the queue, one matched, one still waiting.
    open_the_queue(other, coordinator.origin)
    in_the_queue = needs_in_the_queue(other)
    assert first_id in in_the_queue and second_id in in_the_queue, "a request left the queue"
    expect(other.locator(f"#need-{first_id} td").nth(5)).to_have_text(
        "Proposed, waiting for the helper"
    )
    expect(other.locator(f"#need-{second_id} td").nth(5)).to_have_text("Waiting for a match")
    other.close()

    # The organization has one match for its one place, and no place left.
    organization.visit(f"/portal/pledges/{pledge_id}")
    expect(organization.page.locator("#capacity-left")).to_have_text("0 / 1")
    organization.visit("/portal/needs")
    matched = needs_matched_to_us(organization.page, "open")
    assert first_id in matched and second_id not in matched, "the wrong need was matched"
    matches = server_database.rows(
        'SELECT COUNT(*) FROM "match" WHERE CAST(offer_id AS TEXT) = ?', pledge_id
    )
    assert int(matches[0][0]) == 1, "the one place was given more than once"
