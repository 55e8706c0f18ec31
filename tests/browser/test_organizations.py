"""Allied organizations, as the people involved do it in a browser.

An organization applies, a coordinator approves it, the organization pledges weekly
phone-charging hours, the directory shows them; a member of another organization cannot
see them. With JavaScript on and off. The server's database is shared by every browser
test, so each run makes up names of its own.
"""

from __future__ import annotations

import re
import uuid

import pytest
from playwright.sync_api import expect

from mutualaid.domain.organizations import WORKSHEET_QUESTIONS
from mutualaid.services.demo import DEMO_COORDINATOR, DEMO_ORGANIZATION_MEMBER
from tests.browser.conftest import Journey
from tests.browser.pages import (
    Application,
    Authenticator,
    Pledge,
    Private,
    apply_as_organization,
    directory_results,
    enter_code,
    filter_directory,
    header_link,
    link_with_text,
    make_a_pledge,
    pledge_id_titled,
    pledge_rows,
    sign_in,
    sign_out,
    spanish_for,
    submit_and_wait,
    texts_of,
)

pytestmark = pytest.mark.browser

#: The one worksheet answer that isn't a plain "no": honest, and a concern to talk through.
UNSURE_ABOUT = "end_demand"
#: Monday to Thursday evenings, and Saturday in two openings.
HOURS = {
    0: (("17:30", "21:00"),),
    1: (("17:30", "21:00"),),
    2: (("17:30", "21:00"),),
    3: (("17:30", "21:00"),),
    5: (("10:00", "12:00"), ("14:00", "16:00")),
}
HOURS_SHOWN = "Mon–Thu 17:30–21:00; Sat 10:00–12:00, 14:00–16:00"
#: A shelter's side door: only coordinators may ever read it.
CONFIDENTIAL_PLACE = Private("Blue door behind the laundrette on Tanner Row, ring twice")


def a_new_organization() -> Application:
    run = uuid.uuid4().hex[:6]
    return Application(
        name=Private(f"Lantern House Collective {run.upper()}"),
        description=Private("Evening drop-in: charge your phone, have tea, no questions asked."),
        areas=("eastside", "northside"),
        languages=("en", "es"),
        public_contact=Private(f"frontdesk-{run}@lantern.example"),
        credit="anonymous",
        worksheet={
            question: ("unsure" if question == UNSURE_ABOUT else "no")
            for question in WORKSHEET_QUESTIONS
        },
        worksheet_notes=Private(
            "One city grant mentions demand; we are asking them what it means."
        ),
        username=f"lantern-{run}",
        password=Private("the kettle is always on at the harbour wall"),
    )


def their_charging_hours() -> Pledge:
    return Pledge(
        title=Private(f"Phone charging evenings {uuid.uuid4().hex[:4].upper()}"),
        public_description=Private("Twelve charging points, cables for most phones. Just walk in."),
        kind="space",
        category="phone-charging",
        areas=("eastside",),
        capacity=120,
        hours=HOURS,
        location_note=CONFIDENTIAL_PLACE,
    )


def sign_in_as_coordinator(journey: Journey, authenticator: Authenticator) -> None:
    page = journey.page
    journey.visit("/staff/login")
    username, password = DEMO_COORDINATOR
    sign_in(page, username, Private(password))
    expect(page).to_have_url(journey.server.url("/staff/login/code"))
    enter_code(page, authenticator.next_code())
    expect(page).to_have_url(journey.server.url("/staff"))
    expect(page.locator("h1")).to_have_text("Coordination")


def sign_in_to_the_portal(journey: Journey, username: str, password: str) -> None:
    journey.visit("/staff/login")
    sign_in(journey.page, username, password)
    expect(journey.page).to_have_url(journey.server.url("/portal"))
    assert journey.cookie_names() == ["csrf", "session"], "signing in set unexpected cookies"


def sign_out_of_the_site(journey: Journey) -> None:
    sign_out(journey.page)
    expect(journey.page).to_have_url(journey.server.url("/staff/login"))
    assert journey.cookie_names() == ["csrf"], "signing out left a session cookie behind"
    journey.signed_out()


def test_an_organization_applies_is_approved_and_pledges_charging_hours_others_cannot_see(
    journey: Journey, authenticator: Authenticator
) -> None:
    page = journey.page
    journey.will_sign_in()
    organization = a_new_organization()
    pledge = their_charging_hours()

    # An organization applies, from the link every page has at the bottom.
    journey.visit("/")
    page.locator("footer").get_by_role("link", name="For allied organizations").click()
    expect(page).to_have_url(journey.server.url("/organizations/apply"))
    assert apply_as_organization(page, organization).status == 200
    expect(page.locator("h1")).to_have_text("Thank you. Your application is in.")

    # They can sign in at once, but can't pledge until a coordinator approves them.
    sign_in_to_the_portal(journey, organization.username, organization.password)
    expect(page.locator("#organization-status")).to_have_text("Waiting for approval")
    expect(page.locator("#approval-status")).to_be_visible()
    expect(page.get_by_role("link", name="Make a pledge")).to_have_count(0)
    journey.visit("/portal/pledges/new")
    expect(page.locator("#approval-status")).to_be_visible()
    expect(page.locator("form#form")).to_have_count(0)
    sign_out_of_the_site(journey)

    # A coordinator reads their worksheet, answers and notes, and approves them.
    sign_in_as_coordinator(journey, authenticator)
    page.get_by_role("link", name="Organizations and their worksheets").click()
    link_with_text(page.locator("main table"), organization.name).click()
    expect(page.locator("h1")).to_have_count(1)
    assert texts_of(page.locator("h1")) == [organization.name], "not their page"
    answers = page.locator("#worksheet ~ .table-scroll table tbody tr")
    expect(answers).to_have_count(len(WORKSHEET_QUESTIONS))
    concern = answers.and_(page.locator(".concern"))
    expect(concern).to_have_count(1)
    expect(concern.locator("td").first).to_have_text(str(WORKSHEET_QUESTIONS[UNSURE_ABOUT]))
    expect(concern.locator("td").last).to_have_text("Not sure · concern")
    notes = texts_of(page.locator("#worksheet ~ h3 + p.quote"))
    assert notes == [organization.worksheet_notes], "their notes on funding are not shown"
    expect(page.locator("main")).to_contain_text(
        "They committed that what they offer comes with no conditions."
    )
    submit_and_wait(page, page.get_by_role("button", name="Approve", exact=True))
    expect(page.locator("main p.notice")).to_have_text("Approved. Their pledges can go live now.")
    sign_out_of_the_site(journey)

    # The organization pledges weekly phone-charging hours, keeping its place confidential.
    sign_in_to_the_portal(journey, organization.username, organization.password)
    expect(page.locator("#organization-status")).to_have_text("Approved")
    expect(page.locator("#approval-status")).to_have_count(0)
    page.get_by_role("link", name="Make a pledge").click()
    expect(page).to_have_url(journey.server.url("/portal/pledges/new"))
    make_a_pledge(page, pledge)
    expect(page).to_have_url(journey.server.url("/portal?notice=created"))
    expect(page.locator("#notice")).to_have_text("Your pledge is saved.")
    pledge_id = pledge_id_titled(page, pledge.title)
    row = page.locator(f"#pledge-{pledge_id}")
    expect(row.locator("td").first).to_contain_text(HOURS_SHOWN)
    expect(row.locator("td").nth(1)).to_contain_text("In service · listed publicly")
    sign_out_of_the_site(journey)

    # Anyone can find the hours in the directory, by kind of help, without the place.
    header_link(page, "Service directory").click()
    filter_directory(page, category="phone-charging", js=journey.js)
    expect(page).to_have_url(re.compile(r"/services\?(.*&)?category=phone-charging(&|$)"))
    listed = directory_results(page).locator(f"#service-{pledge_id}")
    expect(listed).to_have_count(1)
    assert texts_of(listed.locator("h3")) == [pledge.title], "the pledge's title is not shown"
    shown_by = listed.locator("p.hint").inner_text()
    assert organization.name in shown_by, "the directory doesn't say who offers it"
    expect(listed.locator("dd.hours")).to_have_text(HOURS_SHOWN)
    contact = texts_of(listed.locator("dd.contact"))
    assert contact == [organization.public_contact], "their public contact is not shown"
    expect(listed.locator("dd.location")).to_have_count(0)
    assert CONFIDENTIAL_PLACE not in page.content(), "the directory shows a confidential place"

    filter_directory(page, category="food", js=journey.js)
    expect(directory_results(page).locator(f"#service-{pledge_id}")).to_have_count(0)

    for path in ("/services.json", "/services.json?category=phone-charging"):
        answer = journey.visit(path)
        assert answer is not None and answer.status == 200
        assert CONFIDENTIAL_PLACE not in answer.text(), "the JSON shows a confidential place"
        ours = [s for s in answer.json()["contents"] if s["id"] == pledge_id]
        assert len(ours) == 1, "the pledge is not in the directory's JSON once"
        assert ours[0]["name"] == pledge.title, "the JSON names the pledge differently"
        assert ours[0]["schedules"], "the JSON has no opening hours for it"
        assert "service_at_locations" not in ours[0], "the JSON gives a location for it"
    journey.visit("/services")
    assert CONFIDENTIAL_PLACE not in page.content(), "the directory shows a confidential place"

    # A member of another organization cannot see the pledge, nor whose worksheet it was.
    username, password = DEMO_ORGANIZATION_MEMBER
    sign_in_to_the_portal(journey, username, Private(password))
    titles = texts_of(pledge_rows(page).locator("td:first-child a"))
    assert titles, "the other organization's own pledges are not listed"
    assert pledge.title not in titles, "another organization's pledge is in their portal"
    assert pledge.title not in page.content(), "another organization's pledge is on the page"
    answer = journey.visit(f"/portal/pledges/{pledge_id}")
    assert answer is not None and answer.status == 404
    assert pledge.title not in page.content(), "the 404 page names the pledge"
    answer = journey.visit("/staff/organizations")
    assert answer is not None and answer.status == 404
    # Still signed in: the journey's end check also looks at the session cookie.


def test_an_organization_can_apply_in_spanish(journey: Journey) -> None:
    page = journey.page
    journey.visit("/organizations/apply")
    page.locator("nav.languages").get_by_role("link", name="Español").click()
    expect(page).to_have_url(journey.server.url("/es/organizations/apply"))
    expect(page.locator("html")).to_have_attribute("lang", "es")
    heading = spanish_for("Join as an allied organization")
    if heading is not None:
        expect(page.locator("h1")).to_have_text(heading)

    # Sending it empty keeps them in Spanish, with the form and what needs attention.
    form = page.locator("form:has(#no_strings_commitment)")
    expect(form).to_have_attribute("action", "/es/organizations/apply")
    answer = submit_and_wait(page, form.locator('button[type="submit"]'))
    assert answer.status == 422
    expect(page).to_have_url(journey.server.url("/es/organizations/apply"))
    expect(page.locator("html")).to_have_attribute("lang", "es")
    expect(page.locator("#name")).to_have_attribute("aria-invalid", "true")
    message = spanish_for("Enter your organization's name, up to 120 characters.")
    if message is not None:
        expect(page.locator("main")).to_contain_text(message)
