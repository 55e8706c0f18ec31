"""Organizations over HTTP: applying, coordinators deciding, members inviting, and who may see
what. Every page works as a plain form; actions answer 303."""

from __future__ import annotations

import re
import uuid
from datetime import UTC, datetime, timedelta

import httpx2
import pytest
import time_machine
from markupsafe import escape

from mutualaid.domain.organizations import WORKSHEET_QUESTIONS
from mutualaid.storage.models import AuditEvent, Invitation, Organization, StaffSession, StaffUser
from tests.conftest import (
    STAFF_PASSWORD,
    Database,
    approved_organization,
    make_staff,
    post_form,
    sign_in_client,
)
from tests.organizations.conftest import (
    CANARIES,
    LINK,
    NewClient,
    application,
    pending_organization,
    signed_in,
    snapshot,
)
from tests.web.conftest import assert_security_headers

MOMENT = datetime(2031, 3, 4, 10, 20, 30, tzinfo=UTC)
CONCERN_ROW = re.compile(r'<tr class="concern">')
INVITE_FIELD = re.compile(r'name="invite" value="([^"]+)"')


async def _apply(
    client: httpx2.AsyncClient, page: str = "/organizations/apply", **kw: object
) -> httpx2.Response:
    return await post_form(client, "/organizations/apply", application(**kw), page=page)


async def _link(response: httpx2.Response) -> str:
    assert response.status_code == 200
    match = LINK.search(response.text)
    assert match, "no link on the page"
    return match.group(1)


# --- Applying ----------------------------------------------------------------------------


async def test_the_apply_page_explains_the_worksheet_warmly(
    client: httpx2.AsyncClient, db: Database
) -> None:
    page = await client.get("/organizations/apply")
    assert page.status_code == 200
    assert_security_headers(page)
    text = page.text
    assert 'name="csrf_token"' in text and 'name="form_id"' in text
    assert 'name="invite"' not in text
    for question in WORKSHEET_QUESTIONS.values():
        assert str(escape(question)) in text
    for words in ("no conditions", "talk to police", "prove they were trafficked", "attend"):
        assert words in text
    for field in ("name", "description", "areas", "languages", "public_contact", "credit"):
        assert f'id="{field}"' in text
    assert 'type="password"' in text and 'autocomplete="new-password"' in text
    # Plain form, no script needed: every answer is a radio button in the form itself.
    assert text.count('type="radio"') == 7 * 3 + 2


async def test_an_organization_applies_and_waits_for_a_coordinator(
    client: httpx2.AsyncClient, db: Database
) -> None:
    response = await _apply(client, username="lantern", worksheet_notes="")
    assert response.status_code == 200
    assert "Your application is in" in response.text
    org = await Organization.get(name=CANARIES["name"])
    assert org.status == "pending"
    assert org.invited is False
    assert org.credit == "name"
    member = await StaffUser.get(username="lantern")
    assert member.organization_id == org.id  # type: ignore[attr-defined]
    assert member.role == "organization"


async def test_an_applicant_cannot_do_coordinator_things(
    client: httpx2.AsyncClient, db: Database
) -> None:
    await _apply(client, username="lantern", password=STAFF_PASSWORD, confirm=STAFF_PASSWORD)
    org = await Organization.get(name=CANARIES["name"])
    member = await StaffUser.get(username="lantern")
    await sign_in_client(client, db, member.id, None)
    assert (await client.get("/portal/members")).status_code == 200
    for path in ("/staff/organizations", f"/staff/organizations/{org.id}"):
        assert (await client.get(path)).status_code == 404
    for action in ("approve", "suspend", "reinstate"):
        response = await post_form(
            client, f"/staff/organizations/{org.id}/{action}", {}, page="/portal/members"
        )
        assert response.status_code == 404
    response = await post_form(client, "/staff/organizations/invite", {}, page="/portal/members")
    assert response.status_code == 404
    assert (await Organization.get(id=org.id)).status == "pending"
    assert await Invitation.filter(kind="organization").count() == 0


async def test_the_apply_page_works_for_htmx_too(client: httpx2.AsyncClient, db: Database) -> None:
    response = await client.get("/organizations/apply", headers={"HX-Request": "true"})
    assert response.status_code == 200
    assert "<html" not in response.text
    assert "Join as an allied organization" in response.text


# --- Coordinators read the worksheet and decide ------------------------------------------


async def test_coordinators_see_the_worksheet_with_concerns_highlighted(
    client: httpx2.AsyncClient, db: Database, new_client: NewClient
) -> None:
    await _apply(client, police_or_courts="yes", end_demand="unsure")
    org = await Organization.get(name=CANARIES["name"])
    coordinator, _ = await signed_in(new_client, db, "coordinator")

    listing = await coordinator.get("/staff/organizations")
    assert listing.status_code == 200
    assert CANARIES["name"] in listing.text
    assert "2 concerns" in listing.text
    assert f'href="/staff/organizations/{org.id}"' in listing.text

    page = await coordinator.get(f"/staff/organizations/{org.id}")
    assert page.status_code == 200
    text = page.text
    for question in WORKSHEET_QUESTIONS.values():
        assert str(escape(question)) in text
    assert len(CONCERN_ROW.findall(text)) == 2
    assert "Yes · concern" in text and "Not sure · concern" in text
    assert text.count("<td>No</td>") == 5
    assert CANARIES["worksheet_notes"] in text
    assert CANARIES["description"] in text
    assert CANARIES["public_contact"] in text
    assert "Downtown, Eastside" in text
    assert "English, Español" in text
    assert "committed that what they offer comes with no conditions" in text
    assert f'action="/staff/organizations/{org.id}/approve"' in text
    assert "/suspend" not in text and "/reinstate" not in text


async def test_approve_suspend_reinstate_over_http_with_audit_events(
    client: httpx2.AsyncClient, db: Database, new_client: NewClient
) -> None:
    org_id = await pending_organization(db)
    coordinator, coordinator_id = await signed_in(new_client, db, "coordinator")
    page = f"/staff/organizations/{org_id}"
    for action, status, button in (
        ("approve", "approved", "/suspend"),
        ("suspend", "suspended", "/reinstate"),
        ("reinstate", "approved", "/suspend"),
    ):
        response = await post_form(coordinator, f"{page}/{action}", {}, page=page)
        assert response.status_code == 303
        assert response.headers["location"] == f"{page}?done={action}"
        assert (await Organization.get(id=org_id)).status == status
        shown = await coordinator.get(response.headers["location"])
        assert 'class="notice"' in shown.text
        assert f'action="{page}{button}"' in shown.text
    events = await AuditEvent.filter(record_type="organization").order_by("id")
    assert [(e.staff_id, e.action, e.record_id) for e in events] == [
        (coordinator_id, f"organization.{action}", str(org_id))
        for action in ("approve", "suspend", "reinstate")
    ]


async def test_a_decision_that_no_longer_applies_is_explained(
    client: httpx2.AsyncClient, db: Database, new_client: NewClient
) -> None:
    org_id = await approved_organization(db)
    coordinator, _ = await signed_in(new_client, db, "coordinator")
    page = f"/staff/organizations/{org_id}"
    before = await snapshot()
    response = await post_form(coordinator, f"{page}/approve", {}, page=page)
    assert response.status_code == 303
    assert response.headers["location"] == f"{page}?done=unchanged"
    assert "Nothing changed" in (await coordinator.get(response.headers["location"])).text
    assert await snapshot() == before


async def test_unknown_notices_are_never_echoed(
    client: httpx2.AsyncClient, db: Database, new_client: NewClient
) -> None:
    org_id = await pending_organization(db)
    coordinator, _ = await signed_in(new_client, db, "coordinator")
    response = await coordinator.get(
        f"/staff/organizations/{org_id}", params={"done": "<b>hacked</b>"}
    )
    assert response.status_code == 200
    assert "hacked" not in response.text
    assert 'class="notice"' not in response.text


async def test_suspension_signs_every_member_out(
    client: httpx2.AsyncClient, db: Database, new_client: NewClient
) -> None:
    org_id = await approved_organization(db)
    other_id = await approved_organization(db, name="Other Collective")
    member, member_id = await signed_in(new_client, db, "organization", org_id)
    colleague, _ = await signed_in(new_client, db, "organization", org_id)
    outsider, _ = await signed_in(new_client, db, "organization", other_id)
    coordinator, _ = await signed_in(new_client, db, "coordinator")
    for browser in (member, colleague, outsider):
        assert (await browser.get("/portal/members")).status_code == 200

    page = f"/staff/organizations/{org_id}"
    assert (await post_form(coordinator, f"{page}/suspend", {}, page=page)).status_code == 303
    for browser in (member, colleague):
        response = await browser.get("/portal/members")
        assert response.status_code == 303
        assert response.headers["location"] == "/staff/login"
    assert await StaffSession.filter(staff_id=member_id).count() == 0
    assert (await outsider.get("/portal/members")).status_code == 200


async def test_the_organization_list_and_detail_escape_what_applicants_wrote(
    client: httpx2.AsyncClient, db: Database, new_client: NewClient
) -> None:
    hostile = '<script>alert("x")</script>'
    await _apply(client, name=hostile, description=hostile + " outreach", worksheet_notes=hostile)
    org = await Organization.get(name=hostile)
    coordinator, _ = await signed_in(new_client, db, "coordinator")
    for path in ("/staff/organizations", f"/staff/organizations/{org.id}"):
        text = (await coordinator.get(path)).text
        assert hostile not in text
        assert str(escape(hostile)) in text


# --- Invitations -------------------------------------------------------------------------


async def test_a_coordinator_invites_an_organization_by_a_one_time_link(
    client: httpx2.AsyncClient, db: Database, new_client: NewClient
) -> None:
    coordinator, coordinator_id = await signed_in(new_client, db, "coordinator")
    response = await post_form(coordinator, "/staff/organizations/invite", {}, page="/staff")
    link = await _link(response)
    assert re.fullmatch(r"/organizations/apply\?invite=[A-Za-z0-9_-]{43}", link)
    assert "http" not in link
    token = link.split("=", 1)[1]
    # Shown once: the list page never shows it again, and it isn't stored.
    assert token not in (await coordinator.get("/staff/organizations")).text
    assert token not in str(await Invitation.all().values())
    assert await AuditEvent.filter(staff_id=coordinator_id, action="organization.invite").exists()

    page = await client.get(link)
    assert INVITE_FIELD.search(page.text).group(1) == token  # type: ignore[union-attr]
    assert "invited by a coordinator" in page.text
    applied = await _apply(client, page=link, invite=token)
    assert applied.status_code == 200
    org = await Organization.get(name=CANARIES["name"])
    assert org.invited is True and org.status == "pending"

    again = await client.get(link)
    assert again.status_code == 200
    assert "expired or was already used" in again.text
    assert 'name="invite"' not in again.text
    listing = await coordinator.get("/staff/organizations")
    assert "invited" in listing.text


async def test_an_invitation_used_meanwhile_asks_to_send_again_without_it(
    client: httpx2.AsyncClient, db: Database, new_client: NewClient
) -> None:
    coordinator, _ = await signed_in(new_client, db, "coordinator")
    link = await _link(await post_form(coordinator, "/staff/organizations/invite", {}))
    token = link.split("=", 1)[1]
    first, second = await new_client(), await new_client()
    form_page = await second.get(link)
    assert INVITE_FIELD.search(form_page.text)
    assert (await _apply(first, page=link, invite=token, username="first")).status_code == 200
    before = await snapshot()
    refused = await _apply(second, page=link, invite=token, username="second")
    assert refused.status_code == 422
    assert 'id="invite"' in refused.text
    assert 'name="invite"' not in refused.text
    assert CANARIES["description"] in refused.text  # nothing typed is lost
    assert await snapshot() == before
    # Sent again (now without the link), it goes through as an ordinary application.
    assert (await _apply(second, username="second")).status_code == 200


@pytest.mark.parametrize("token", ["nope", "A" * 43, "x" * 3000, "%00", "<b>"])
async def test_a_bad_invitation_in_the_address_is_explained(
    client: httpx2.AsyncClient, db: Database, token: str
) -> None:
    response = await client.get("/organizations/apply", params={"invite": token})
    assert response.status_code == 200
    assert "expired or was already used" in response.text
    assert 'name="invite"' not in response.text
    assert "<b>" not in response.text


async def test_a_member_invites_a_colleague_who_joins_by_the_link(
    client: httpx2.AsyncClient, db: Database, new_client: NewClient
) -> None:
    org_id = await approved_organization(db)
    member, member_id = await signed_in(new_client, db, "organization", org_id)
    link = await _link(
        await post_form(member, "/portal/members/invite", {}, page="/portal/members")
    )
    assert re.fullmatch(r"/join/[A-Za-z0-9_-]{43}", link)
    assert await AuditEvent.filter(staff_id=member_id, action="organization.invite_member").exists()

    page = await client.get(link)
    assert page.status_code == 200
    assert "Join Night Owls Collective" in page.text
    password = "quiet harbour bells ring at dawn 7"
    joined = await post_form(
        client,
        link,
        {"username": "new.colleague", "password": password, "confirm": password},
        page=link,
    )
    assert joined.status_code == 200
    assert "Your account is ready" in joined.text
    user = await StaffUser.get(username="new.colleague")
    assert user.organization_id == org_id  # type: ignore[attr-defined]

    members = await member.get("/portal/members")
    assert "new.colleague" in members.text
    used = await client.get(link)
    assert used.status_code == 404
    assert "This link doesn't work" in used.text
    before = await snapshot()
    again = await post_form(
        client, link, {"username": "third", "password": password, "confirm": password}
    )
    assert again.status_code == 404
    assert await snapshot() == before


async def test_an_expired_join_link_is_refused_kindly(
    client: httpx2.AsyncClient, db: Database, new_client: NewClient
) -> None:
    org_id = await approved_organization(db)
    with time_machine.travel(MOMENT, tick=False):
        member, _ = await signed_in(new_client, db, "organization", org_id)
        link = await _link(await post_form(member, "/portal/members/invite", {}))
    with time_machine.travel(MOMENT + timedelta(days=14, minutes=1), tick=False):
        response = await client.get(link)
    assert response.status_code == 404
    assert "links last 14 days" in response.text
    assert_security_headers(response)


@pytest.mark.parametrize("token", ["x", "A" * 43, "A" * 5000, "%00", "%2e%2e", "a%2Fb", "%ff"])
async def test_wrong_join_links_are_refused_kindly(
    client: httpx2.AsyncClient, db: Database, token: str
) -> None:
    response = await client.get(f"/join/{token}")
    assert response.status_code == 404
    assert "<html" in response.text
    before = await snapshot()
    posted = await post_form(
        client, f"/join/{token}", {"username": "someone", "password": "p" * 20}
    )
    assert posted.status_code == 404
    assert await snapshot() == before


# --- Who may see what --------------------------------------------------------------------

COORDINATOR_ROUTES = [
    ("GET", "/staff/organizations"),
    ("POST", "/staff/organizations/invite"),
    ("GET", "/staff/organizations/{org}"),
    ("POST", "/staff/organizations/{org}/approve"),
    ("POST", "/staff/organizations/{org}/suspend"),
    ("POST", "/staff/organizations/{org}/reinstate"),
]
MEMBER_ROUTES = [("GET", "/portal/members"), ("POST", "/portal/members/invite")]


@pytest.mark.parametrize(("method", "path"), COORDINATOR_ROUTES + MEMBER_ROUTES)
async def test_anonymous_visitors_are_sent_to_sign_in(
    client: httpx2.AsyncClient, db: Database, method: str, path: str
) -> None:
    org_id = await pending_organization(db)
    before = await snapshot()
    response = (
        await post_form(client, path.format(org=org_id), {})
        if method == "POST"
        else await client.get(path.format(org=org_id))
    )
    assert response.status_code == 303
    assert response.headers["location"] == "/staff/login"
    assert await snapshot() == before


@pytest.mark.parametrize(("method", "path"), COORDINATOR_ROUTES)
async def test_organization_members_get_404_for_coordinator_routes(
    client: httpx2.AsyncClient, db: Database, new_client: NewClient, method: str, path: str
) -> None:
    org_id = await pending_organization(db)
    member, _ = await signed_in(new_client, db, "organization", org_id)
    before = await snapshot()
    target = path.format(org=org_id)
    if method == "POST":
        response = await post_form(member, target, {}, page="/portal/members")
    else:
        response = await member.get(target)
    assert response.status_code == 404
    assert await snapshot() == before


@pytest.mark.parametrize(("method", "path"), MEMBER_ROUTES)
@pytest.mark.parametrize("role", ["coordinator", "admin"])
async def test_coordinators_get_404_for_member_routes(
    client: httpx2.AsyncClient,
    db: Database,
    new_client: NewClient,
    method: str,
    path: str,
    role: str,
) -> None:
    staff, _ = await signed_in(new_client, db, role)
    before = await snapshot()
    if method == "POST":
        response = await post_form(staff, path, {}, page="/staff/organizations")
    else:
        response = await staff.get(path)
    assert response.status_code == 404
    assert await snapshot() == before


async def test_admins_act_as_coordinators(
    client: httpx2.AsyncClient, db: Database, new_client: NewClient
) -> None:
    org_id = await pending_organization(db)
    admin, admin_id = await signed_in(new_client, db, "admin")
    page = f"/staff/organizations/{org_id}"
    assert (await admin.get(page)).status_code == 200
    assert (await post_form(admin, f"{page}/approve", {}, page=page)).status_code == 303
    assert await AuditEvent.filter(staff_id=admin_id, action="organization.approve").exists()


async def test_a_member_of_one_organization_sees_nothing_of_another(
    client: httpx2.AsyncClient, db: Database, new_client: NewClient
) -> None:
    org_a = await approved_organization(db, name="Alpha Collective")
    org_b = await approved_organization(db, name="Beta Collective")
    await make_staff(db, role="organization", organization_id=org_a, username="alpha-member")
    member_b, _ = await signed_in(new_client, db, "organization", org_b)
    before = await snapshot()
    page = f"/staff/organizations/{org_a}"
    assert (await member_b.get(page)).status_code == 404
    for action in ("approve", "suspend", "reinstate"):
        assert (await post_form(member_b, f"{page}/{action}", {})).status_code == 404
    members = await member_b.get("/portal/members")
    assert members.status_code == 200
    assert "alpha-member" not in members.text
    assert "Alpha Collective" not in members.text
    # Their invitation can only ever be for their own organization.
    link = await _link(await post_form(member_b, "/portal/members/invite", {}))
    joining = await client.get(link)
    assert "Join Beta Collective" in joining.text
    assert (await Invitation.get()).organization_id == org_b  # type: ignore[attr-defined]
    assert (await Organization.get(id=org_a)).status == "approved"
    assert (await snapshot())["staff"] == before["staff"]


@pytest.mark.parametrize(
    "path",
    [
        "/staff/organizations/not-a-uuid",
        "/staff/organizations/123",
        "/staff/organizations/%00",
        "/staff/organizations/" + "f" * 5000,
        "/staff/organizations/00000000-0000-0000-0000-00000000000g",
        f"/staff/organizations/{uuid.UUID(int=0)}",
    ],
)
async def test_bad_or_unknown_ids_in_paths_are_404(
    client: httpx2.AsyncClient, db: Database, new_client: NewClient, path: str
) -> None:
    coordinator, _ = await signed_in(new_client, db, "coordinator")
    before = await snapshot()
    response = await coordinator.get(path)
    assert response.status_code == 404
    assert "find that page" in response.text
    assert_security_headers(response)
    for action in ("approve", "suspend", "reinstate"):
        posted = await post_form(coordinator, f"{path}/{action}", {})
        assert posted.status_code in (404, 405)
    assert await snapshot() == before


async def test_the_members_page_shows_usernames_only(
    client: httpx2.AsyncClient, db: Database, new_client: NewClient
) -> None:
    org_id = await approved_organization(db)
    await make_staff(db, role="organization", organization_id=org_id, username="colleague-one")
    member, member_id = await signed_in(new_client, db, "organization", org_id)
    page = await member.get("/portal/members")
    assert "colleague-one" in page.text
    assert (await StaffUser.get(id=member_id)).username in page.text
    assert "$argon2" not in page.text
    assert str(member_id) not in page.text


async def test_signed_in_pages_render_in_full_and_for_htmx(
    client: httpx2.AsyncClient, db: Database, new_client: NewClient
) -> None:
    """The app-wide walk covers public pages; these are the ones behind sign-in."""
    org_id = await pending_organization(db)
    coordinator, _ = await signed_in(new_client, db, "coordinator")
    member, _ = await signed_in(new_client, db, "organization", org_id)
    pages = [
        (coordinator, "/staff/organizations"),
        (coordinator, f"/staff/organizations/{org_id}"),
        (member, "/portal/members"),
    ]
    for browser, path in pages:
        full = await browser.get(path)
        partial = await browser.get(path, headers={"HX-Request": "true"})
        assert full.status_code == partial.status_code == 200, path
        assert full.text.startswith("<!doctype html>")
        assert "<html" not in partial.text and partial.text.count("<h1") == 1
        assert full.headers["vary"] == "HX-Request, HX-Target"
        assert_security_headers(full)
        assert not re.search(r"\s(?:on[a-z]+|style)=", full.text)


async def test_the_apply_form_keeps_the_language(client: httpx2.AsyncClient, db: Database) -> None:
    page = await client.get("/es/organizations/apply")
    assert page.status_code == 200
    assert 'action="/es/organizations/apply"' in page.text
    assert '<html lang="es">' in page.text
