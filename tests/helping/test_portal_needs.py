"""The needs matched to an organization, in its portal: the list, the page, accepting,
declining (the need goes back to the queue and the unit to the pledge), marking fulfilled,
stale and double submits, and other organizations' needs answering 404."""

from __future__ import annotations

import re
import uuid
from datetime import timedelta

import httpx2
from markupsafe import escape

from mutualaid.domain.clock import today
from mutualaid.domain.needs import NeedEvent
from mutualaid.services.matching import accept_match, close_need
from mutualaid.storage.models import AuditEvent, Counter, Match, Need, NeedHistory, Offer
from tests.conftest import Database, make_staff, sign_in_client
from tests.helping.conftest import (
    DESCRIPTION,
    food_pledge,
    matched_with_organization,
    portal_post,
    said,
)
from tests.pledges.conftest import organization, sign_in_member

ROUTES = ("accept", "decline", "fulfilled", "message")
ROW = re.compile(r'<tr id="need-([0-9a-f-]{36})">')


async def counter(metric: str) -> int:
    values = await Counter.filter(metric=metric).values_list("value", flat=True)
    return sum(int(v) for v in values)  # type: ignore[call-overload]


async def history(need_id: uuid.UUID) -> list[tuple[str, str]]:
    rows = await NeedHistory.filter(need_id=need_id).order_by("seq")
    return [(row.event, row.actor_role) for row in rows]


async def test_anonymous_visitors_are_sent_to_sign_in(
    client: httpx2.AsyncClient, db: Database
) -> None:
    match = await matched_with_organization(client, db, await organization(db))
    for path in ("/portal/needs", match.page):
        response = await client.get(path)
        assert response.status_code == 303
        assert response.headers["location"] == "/staff/login"
    for action in ROUTES:
        response = await portal_post(client, f"{match.page}/{action}", body="hi")
        assert response.status_code == 303
        assert response.headers["location"] == "/staff/login"
    assert (await Match.get(need_id=match.need_id)).status == "proposed"


async def test_coordinators_use_their_own_pages_not_the_portal(
    client: httpx2.AsyncClient, db: Database
) -> None:
    match = await matched_with_organization(client, db, await organization(db))
    staff_id, secret = await make_staff(db, role="coordinator")
    await sign_in_client(client, db, staff_id, secret)
    assert (await client.get(match.page)).status_code == 404
    assert (await client.get("/portal/needs")).status_code == 404


async def test_the_list_shows_only_this_organizations_needs_open_first(
    client: httpx2.AsyncClient, db: Database
) -> None:
    org = await organization(db)
    pledge = await food_pledge(db, org, capacity=5)
    soon = await matched_with_organization(client, db, org, offer_id=pledge, urgency="soon")
    now = await matched_with_organization(client, db, org, offer_id=pledge)
    accepted = await matched_with_organization(client, db, org, offer_id=pledge, accepted=True)
    met = await matched_with_organization(client, db, org, offer_id=pledge, accepted=True)
    await close_need(met.need_id, NeedEvent.FULFIL, actor_role="organization", organization_id=org)
    other = await matched_with_organization(client, db, await organization(db, name="Other"))

    await sign_in_member(client, db, org)
    page = await client.get("/portal/needs")
    assert page.status_code == 200
    rows = ROW.findall(page.text)
    # Proposals waiting for an answer (most urgent first), then accepted, then met.
    assert rows == [str(now.need_id), str(soon.need_id), str(accepted.need_id), str(met.need_id)]
    assert str(other.need_id) not in page.text
    text = said(page)
    for words in ("Food · Downtown", "Waiting for your answer", "Accepted by you", "Met"):
        assert words in text
    assert DESCRIPTION not in text  # the list carries no words of the member's
    for match in (now, soon, accepted, met, other):
        assert match.contact not in page.text

    home = await client.get("/portal")
    assert 'href="/portal/needs"' in home.text


async def test_the_page_shows_what_they_need_to_help(
    client: httpx2.AsyncClient, db: Database
) -> None:
    org = await organization(db)
    start = today() + timedelta(days=2)
    match = await matched_with_organization(
        client,
        db,
        org,
        urgency="window",
        window_start=start.isoformat(),
        window_end=(start + timedelta(days=3)).isoformat(),
        preferred_name="Rosa <b>",
        pronouns="she/her",
        language="es",
    )
    staff = await sign_in_member(client, db, org)
    page = await client.get(match.page)
    assert page.status_code == 200
    text = said(page)
    for words in (DESCRIPTION, "Rosa <b>", "she/her", "Español", "Between two dates"):
        assert words in text
    assert "Rosa <b>" not in page.text  # escaped
    assert "Groceries from the pantry" in text  # the pledge it uses
    assert "Accept: we can help" in text and "Decline" in text
    assert "Mark fulfilled" not in text
    assert match.contact not in page.text
    # Reading a need is audited like a coordinator's reading: ids, never words.
    views = await AuditEvent.filter(action="need.view", record_id=str(match.need_id))
    assert [view.staff_id for view in views] == [staff]

    await accept_match(match.need_id, actor_role="organization", organization_id=org)
    text = said(await client.get(match.page))
    assert "Mark fulfilled" in text
    assert "Accept: we can help" not in text


async def test_accepting(client: httpx2.AsyncClient, db: Database) -> None:
    org = await organization(db)
    match = await matched_with_organization(client, db, org)
    staff = await sign_in_member(client, db, org)
    response = await portal_post(client, f"{match.page}/accept")
    assert response.status_code == 303
    assert response.headers["location"] == f"{match.page}?notice=accepted"
    page = await client.get(response.headers["location"])
    assert "You accepted. Thank you." in said(page)
    row = await Match.get(need_id=match.need_id)
    assert row.status == "accepted"
    assert ("accepted", "organization") in await history(match.need_id)
    assert await AuditEvent.filter(staff_id=staff, action="match.accept").count() == 1

    # A double click, or an old tab: a kind answer, nothing moves.
    again = await portal_post(client, f"{match.page}/accept")
    assert again.status_code == 303
    assert again.headers["location"] == f"{match.page}?notice=changed"
    assert "This match has already changed" in said(await client.get(again.headers["location"]))
    stale_decline = await portal_post(client, f"{match.page}/decline")
    assert stale_decline.headers["location"] == f"{match.page}?notice=changed"
    assert (await Match.get(need_id=match.need_id)).status == "accepted"
    assert (await Need.get(id=match.need_id)).status == "matched"


async def test_declining_returns_the_need_and_the_unit(
    client: httpx2.AsyncClient, db: Database
) -> None:
    org = await organization(db)
    match = await matched_with_organization(client, db, org)
    assert (await Offer.get(id=match.offer_id)).capacity_left == 2
    declined_before = await counter("matches_declined")
    staff = await sign_in_member(client, db, org)

    response = await portal_post(client, f"{match.page}/decline")
    assert response.status_code == 303
    assert response.headers["location"] == "/portal/needs?notice=declined"
    listing = await client.get(response.headers["location"])
    assert "You declined, and that's fine." in said(listing)
    assert str(match.need_id) not in listing.text

    need = await Need.get(id=match.need_id)
    assert need.status == "open"
    assert need.contact == match.contact  # still theirs: the need is open again
    assert (await Offer.get(id=match.offer_id)).capacity_left == 3
    assert (await Match.get(need_id=match.need_id)).status == "declined"
    assert await counter("matches_declined") == declined_before + 1
    assert ("declined", "organization") in await history(match.need_id)
    assert await AuditEvent.filter(staff_id=staff, action="match.decline").count() == 1

    # After declining, the organization no longer sees the need at all.
    assert (await client.get(match.page)).status_code == 404
    for action in ("accept", "decline", "fulfilled"):
        stale = await portal_post(client, f"{match.page}/{action}")
        assert stale.status_code == 303, action
        assert stale.headers["location"] == "/portal/needs?notice=changed"
    message = await portal_post(client, f"{match.page}/message", body="still there?")
    assert message.headers["location"] == "/portal/needs?notice=changed"
    htmx = await portal_post(
        client, f"{match.page}/message", headers={"HX-Request": "true"}, body="still there?"
    )
    assert htmx.headers["hx-redirect"] == "/portal/needs?notice=changed"
    assert (await Need.get(id=match.need_id)).status == "open"
    assert (await Offer.get(id=match.offer_id)).capacity_left == 3


async def test_marking_fulfilled(client: httpx2.AsyncClient, db: Database) -> None:
    org = await organization(db)
    match = await matched_with_organization(client, db, org)
    staff = await sign_in_member(client, db, org)
    fulfilled_before = await counter("needs_fulfilled")

    early = await portal_post(client, f"{match.page}/fulfilled")  # not accepted yet
    assert early.headers["location"] == f"{match.page}?notice=changed"
    assert (await Need.get(id=match.need_id)).status == "matched"

    await portal_post(client, f"{match.page}/accept")
    done = await portal_post(client, f"{match.page}/fulfilled")
    assert done.headers["location"] == f"{match.page}?notice=fulfilled"
    page = await client.get(done.headers["location"])
    assert "Marked as met. Thank you." in said(page)
    assert "Met" in said(page)
    assert "Send message" not in page.text and "This thread is closed." in page.text

    need = await Need.get(id=match.need_id)
    assert need.status == "fulfilled" and need.contact is None
    assert (await Match.get(need_id=match.need_id)).status == "fulfilled"
    assert (await Offer.get(id=match.offer_id)).capacity_left == 2  # the unit was used
    assert await counter("needs_fulfilled") == fulfilled_before + 1
    assert ("fulfilled", "organization") in await history(match.need_id)
    assert await AuditEvent.filter(staff_id=staff, action="need.fulfilled").count() == 1

    again = await portal_post(client, f"{match.page}/fulfilled")
    assert again.headers["location"] == f"{match.page}?notice=changed"
    assert await counter("needs_fulfilled") == fulfilled_before + 1
    late = await portal_post(client, f"{match.page}/message", body="one more thing")
    assert late.status_code == 409
    assert "This request is closed" in said(late)
    listing = await client.get("/portal/needs")
    assert str(match.need_id) in listing.text and "Recently met" in listing.text


async def test_a_need_closed_by_its_member_disappears_from_the_portal(
    client: httpx2.AsyncClient, db: Database
) -> None:
    org = await organization(db)
    match = await matched_with_organization(client, db, org, accepted=True)
    await sign_in_member(client, db, org)
    assert (await client.get(match.page)).status_code == 200
    token = re.search(r'name="csrf_token" value="([0-9a-f]+)"', (await client.get("/check")).text)
    assert token
    await client.post(
        "/check/withdraw", data={"csrf_token": token.group(1), "codename": match.codename}
    )
    assert (await Match.get(need_id=match.need_id)).status == "cancelled"
    assert (await client.get(match.page)).status_code == 404
    assert str(match.need_id) not in (await client.get("/portal/needs")).text
    stale = await portal_post(client, f"{match.page}/fulfilled")
    assert stale.headers["location"] == "/portal/needs?notice=changed"
    assert (await Need.get(id=match.need_id)).status == "withdrawn"


async def test_unknown_and_other_organizations_needs_are_not_found(
    client: httpx2.AsyncClient, db: Database
) -> None:
    mine = await organization(db)
    theirs = await matched_with_organization(client, db, await organization(db, name="Theirs"))
    await sign_in_member(client, db, mine)
    for need_id in (uuid.uuid4(), theirs.need_id):
        page = f"/portal/needs/{need_id}"
        assert (await client.get(page)).status_code == 404
        for action in ROUTES:
            response = await portal_post(client, f"{page}/{action}", body="hello")
            assert response.status_code == 404, action
            assert "find that page" in said(response)
        # A bad message to someone else's need is still just "not found".
        assert (await portal_post(client, f"{page}/message", body="")).status_code == 404
    assert (await client.get("/portal/needs/not-a-uuid")).status_code == 404
    assert (await Match.get(need_id=theirs.need_id)).status == "proposed"


async def test_an_unknown_notice_says_nothing(client: httpx2.AsyncClient, db: Database) -> None:
    org = await organization(db)
    match = await matched_with_organization(client, db, org)
    await sign_in_member(client, db, org)
    for path in (f"{match.page}?notice=<script>", "/portal/needs?notice=nope"):
        response = await client.get(path)
        assert response.status_code == 200
        assert 'id="notice"' not in response.text
        assert "<script>" not in response.text


async def test_pages_in_full_and_for_htmx(client: httpx2.AsyncClient, db: Database) -> None:
    org = await organization(db)
    match = await matched_with_organization(client, db, org)
    await sign_in_member(client, db, org)
    h1 = re.compile(r"<h1[^>]*>(.*?)</h1>", re.S)
    for path in ("/portal/needs", match.page):
        full = await client.get(path)
        partial = await client.get(path, headers={"HX-Request": "true"})
        assert full.text.startswith("<!doctype html>")
        assert "<html" not in partial.text
        assert h1.findall(full.text) == h1.findall(partial.text)
        assert partial.headers["vary"] == "HX-Request, HX-Target"
    thread = await client.get(match.page, headers={"HX-Request": "true", "HX-Target": "thread"})
    assert thread.text.lstrip().startswith('<section id="thread"')
    assert "<h1" not in thread.text
    assert str(escape(DESCRIPTION)) not in thread.text
