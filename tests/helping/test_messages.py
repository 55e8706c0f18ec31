"""The need's thread between the member (codename), coordinators and the matched
organization: who sees which messages, htmx swaps, and everything encrypted at rest."""

from __future__ import annotations

import httpx2
import pytest

from mutualaid.services.matching import decline_match, propose_match
from mutualaid.services.needs import add_message
from mutualaid.storage.models import AuditEvent, Message
from tests.conftest import Database, post_need
from tests.helping.conftest import (
    DESCRIPTION,
    check,
    coordinator,
    food_pledge,
    matched_with_organization,
    need_id_of,
    portal_post,
    said,
)
from tests.pledges.conftest import organization, sign_in_member
from tests.privacy.conftest import canary, stored_text_contains

THREAD = {"HX-Request": "true", "HX-Target": "thread"}


async def test_member_coordinator_and_organization_share_one_thread(
    client: httpx2.AsyncClient, db: Database
) -> None:
    org = await organization(db, name="Night Kitchen")
    match = await matched_with_organization(client, db, org, preferred_name="Rosa")
    from_member, from_coordinator, from_org = canary("m"), canary("c"), canary("o")

    sent = await check(client, "/check/message", match.codename, body=from_member)
    assert sent.status_code == 200
    await add_message(match.need_id, author_role="coordinator", body=from_coordinator)

    staff = await sign_in_member(client, db, org)
    page = await client.get(match.page)
    assert from_member in page.text and from_coordinator in page.text
    assert "Rosa" in said(page)  # the member's messages carry the name they gave
    response = await portal_post(client, f"{match.page}/message", headers=THREAD, body=from_org)
    assert response.status_code == 200
    assert response.text.lstrip().startswith('<section id="thread"')
    assert "<html" not in response.text
    assert from_org in response.text and "Your message is in the thread." in response.text
    assert await AuditEvent.filter(staff_id=staff, action="need.message").count() == 1

    roles = [m.author_role for m in await Message.filter(need_id=match.need_id).order_by("seq")]
    assert roles == ["member", "coordinator", "organization"]

    member = await check(client, "/check", match.codename)
    text = said(member)
    for body in (from_member, from_coordinator, from_org):
        assert body in text
    assert "A coordinator" in text and "The helper" in text
    thread = await check(client, "/check/thread", match.codename, headers={"HX-Request": "true"})
    assert from_org in thread.text and "Night Kitchen" in thread.text

    for body in (from_member, from_coordinator, from_org):
        assert not await stored_text_contains(db, body)


async def test_a_plain_form_post_goes_back_to_the_page(
    client: httpx2.AsyncClient, db: Database
) -> None:
    org = await organization(db)
    match = await matched_with_organization(client, db, org)
    await sign_in_member(client, db, org)
    body = canary("plain")
    response = await portal_post(client, f"{match.page}/message", body=body)
    assert response.status_code == 303
    assert response.headers["location"] == f"{match.page}?notice=sent#thread"
    page = await client.get(response.headers["location"])
    assert body in page.text and "Your message is in the thread." in page.text


@pytest.mark.parametrize("htmx", [False, True])
@pytest.mark.parametrize("body", ["", "   ", "x" * 2001, "bell\x07"])
async def test_a_bad_message_is_explained_and_not_stored(
    client: httpx2.AsyncClient, db: Database, body: str, htmx: bool
) -> None:
    org = await organization(db)
    match = await matched_with_organization(client, db, org)
    await sign_in_member(client, db, org)
    response = await portal_post(
        client, f"{match.page}/message", headers=THREAD if htmx else {}, body=body
    )
    # htmx 2 swaps no 4xx answer, so the thread with its explanation comes back as 200.
    assert response.status_code == (200 if htmx else 422)
    assert "Write a message of up to 2,000 characters." in said(response)
    assert ("<html" in response.text) is not htmx
    if body.strip() and "\x07" not in body:
        assert body + "</textarea>" in response.text  # what they wrote is kept
    assert await Message.filter(need_id=match.need_id).count() == 0


async def test_a_helper_reads_only_what_was_written_after_its_match(
    client: httpx2.AsyncClient, db: Database
) -> None:
    """What the member told coordinators before a match, and what an earlier helper read,
    stays out of a later helper's view."""
    first_org = await organization(db, name="First Pantry")
    second_org = await organization(db, name="Second Pantry")
    before, with_first, with_second = canary("before"), canary("first"), canary("second")
    codename = await post_need(client, description=DESCRIPTION)
    need_id = await need_id_of(db, codename)
    await check(client, "/check/message", codename, body=before)

    await propose_match(need_id, await food_pledge(db, first_org), by=await coordinator(db))
    portal_page = f"/portal/needs/{need_id}"
    await add_message(need_id, author_role="coordinator", body=with_first)
    await sign_in_member(client, db, first_org)
    page = await client.get(portal_page)
    assert with_first in page.text and before not in page.text
    await decline_match(need_id, actor_role="organization", organization_id=first_org)

    await propose_match(need_id, await food_pledge(db, second_org), by=await coordinator(db))
    await add_message(need_id, author_role="coordinator", body=with_second)
    await sign_in_member(client, db, second_org)
    page = await client.get(portal_page)
    assert with_second in page.text
    assert before not in page.text and with_first not in page.text

    member = said(await check(client, "/check", codename))
    for body in (before, with_first, with_second):
        assert body in member  # the member's own thread is whole
