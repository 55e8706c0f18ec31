"""Privacy promise 4 for helpers: the matched organization (or offering member) sees a
community member's contact details only after they agree, only while the match is open, and
never after the need closes; any other organization never sees the need at all."""

from __future__ import annotations

import httpx2
from markupsafe import escape

from mutualaid.domain.match_rules import contact_visible_to_helper
from mutualaid.services.matching import decline_match, propose_match
from mutualaid.storage.models import Counter, Match, Need
from tests.conftest import Database
from tests.helping.conftest import (
    Matched,
    another_browser,
    check,
    coordinator,
    food_pledge,
    matched_with_community,
    matched_with_organization,
    portal_post,
    said,
)
from tests.pledges.conftest import organization, sign_in_member
from tests.privacy.conftest import stored_text_contains

THREAD = {"HX-Request": "true", "HX-Target": "thread"}
CHANGED = "This match has already changed"


async def everything_the_organization_sees(
    client: httpx2.AsyncClient, match: Matched, *, write: bool = True
) -> list[str]:
    """Every page and fragment of the portal this organization can open about the need."""
    texts = []
    for path in ("/portal", "/portal/needs", match.page, f"{match.page}?notice=sent"):
        response = await client.get(path)
        assert response.status_code == 200, path
        texts.append(response.text)
    for headers in ({"HX-Request": "true"}, THREAD):
        response = await client.get(match.page, headers=headers)
        assert response.status_code == 200
        texts.append(response.text)
    # A refused message: the full page again, and the thread fragment for htmx.
    for headers in ({}, THREAD):
        response = await portal_post(client, f"{match.page}/message", headers=headers, body="")
        assert response.status_code in (200, 409, 422)
        texts.append(response.text)
    if write:
        response = await portal_post(
            client, f"{match.page}/message", headers=THREAD, body="We have a bag ready"
        )
        assert response.status_code == 200
        texts.append(response.text)
    return texts


def assert_nowhere(texts: list[str], needle: str) -> None:
    assert not any(needle in text for text in texts)


async def consent(client: httpx2.AsyncClient, match: Matched, share: str) -> httpx2.Response:
    return await check(client, "/check/consent", match.codename, share=share)


async def test_the_rule_itself() -> None:
    for status in ("proposed", "accepted"):
        assert contact_visible_to_helper(match_status=status, contact_shared=True, need_active=True)
        assert not contact_visible_to_helper(
            match_status=status, contact_shared=False, need_active=True
        )
        assert not contact_visible_to_helper(
            match_status=status, contact_shared=True, need_active=False
        )
    for status in ("declined", "fulfilled", "cancelled"):
        assert not contact_visible_to_helper(
            match_status=status, contact_shared=True, need_active=True
        )


async def test_without_consent_no_portal_page_or_fragment_shows_the_contact(
    client: httpx2.AsyncClient, db: Database
) -> None:
    org = await organization(db)
    match = await matched_with_organization(client, db, org)
    # The canary is real: the member sees their own contact details.
    own = await check(client, "/check", match.codename)
    assert match.contact in own.text
    assert "Not shared with them" in own.text

    await sign_in_member(client, db, org)
    texts = await everything_the_organization_sees(client, match)
    assert_nowhere(texts, match.contact)
    assert "Not shared with you" in texts[2]
    assert str(escape("Two bags of groceries, no pork please")) in texts[2]

    accepted = await portal_post(client, f"{match.page}/accept")
    assert accepted.status_code == 303
    followed = await client.get(accepted.headers["location"])
    assert followed.status_code == 200
    texts = [followed.text, *await everything_the_organization_sees(client, match)]
    assert_nowhere(texts, match.contact)


async def test_with_consent_only_the_matched_organization_sees_the_contact(
    client: httpx2.AsyncClient, db: Database
) -> None:
    org = await organization(db)
    match = await matched_with_organization(client, db, org)
    shared = await consent(client, match, "yes")
    assert shared.status_code == 200
    assert "Your contact details are now shared" in shared.text
    assert "Shared with them" in shared.text
    assert await Match.filter(need_id=match.need_id, contact_shared=True).count() == 1

    await sign_in_member(client, db, org)
    page = await client.get(match.page)
    assert match.contact in page.text
    fragment = await client.get(match.page, headers={"HX-Request": "true"})
    assert match.contact in fragment.text
    listing = await client.get("/portal/needs")
    assert match.contact not in listing.text  # the list never carries a contact

    other_org = await organization(db, name="Another Collective")
    await food_pledge(db, other_org)
    async with another_browser(client) as other:
        await sign_in_member(other, db, other_org)
        for path in (match.page, f"{match.page}?notice=sent"):
            assert (await other.get(path)).status_code == 404
        assert (await other.get(match.page, headers=THREAD)).status_code == 404
        for action in ("accept", "decline", "fulfilled", "message"):
            response = await portal_post(other, f"{match.page}/{action}", body="hello")
            assert response.status_code == 404, action
            assert match.contact not in response.text
        for path in ("/portal", "/portal/needs"):
            response = await other.get(path)
            assert response.status_code == 200
            assert match.contact not in response.text
            assert str(match.need_id) not in response.text
    # Nothing the other organization tried changed anything.
    row = await Match.get(need_id=match.need_id)
    assert row.status == "proposed"
    assert row.contact_shared is True


async def test_the_member_can_withdraw_consent(client: httpx2.AsyncClient, db: Database) -> None:
    org = await organization(db)
    match = await matched_with_organization(client, db, org, accepted=True)
    await consent(client, match, "yes")
    async with another_browser(client) as staff:
        await sign_in_member(staff, db, org)
        assert match.contact in (await staff.get(match.page)).text

        withdrawn = await consent(client, match, "no")
        assert withdrawn.status_code == 200
        assert "Your contact details are not shared" in withdrawn.text
        assert "Not shared with them" in withdrawn.text
        assert "Yes, share my contact details with them" in withdrawn.text

        assert_nowhere(await everything_the_organization_sees(staff, match), match.contact)
    assert (await Match.get(need_id=match.need_id)).contact_shared is False


async def test_consent_belongs_to_one_match_and_does_not_pass_to_the_next(
    client: httpx2.AsyncClient, db: Database
) -> None:
    first = await organization(db)
    match = await matched_with_organization(client, db, first)
    await consent(client, match, "yes")
    await decline_match(match.need_id, actor_role="organization", organization_id=first)

    second = await organization(db, name="Second Collective")
    await propose_match(match.need_id, await food_pledge(db, second), by=await coordinator(db))
    status = await check(client, "/check", match.codename)
    assert "Second Collective" in status.text
    assert "Not shared with them" in status.text
    async with another_browser(client) as staff:
        await sign_in_member(staff, db, second)
        assert_nowhere(await everything_the_organization_sees(staff, match), match.contact)
    async with another_browser(client) as staff:
        await sign_in_member(staff, db, first)
        assert (await staff.get(match.page)).status_code == 404  # declined: no longer theirs


async def test_never_after_the_need_closes(client: httpx2.AsyncClient, db: Database) -> None:
    org = await organization(db)
    match = await matched_with_organization(client, db, org, accepted=True)
    await consent(client, match, "yes")
    before = await Counter.filter(metric="needs_fulfilled").values_list("value", flat=True)
    assert (await Need.get(id=match.need_id)).contact is not None

    await sign_in_member(client, db, org)
    assert match.contact in (await client.get(match.page)).text
    done = await portal_post(client, f"{match.page}/fulfilled")
    assert done.status_code == 303
    assert done.headers["location"] == f"{match.page}?notice=fulfilled"

    need = await Need.get(id=match.need_id)
    assert need.status == "fulfilled"
    assert need.contact is None
    assert not await stored_text_contains(db, match.contact)
    after = await Counter.filter(metric="needs_fulfilled").values_list("value", flat=True)
    assert sum(after) == sum(before) + 1  # type: ignore[arg-type]

    texts = await everything_the_organization_sees(client, match, write=False)
    assert_nowhere(texts, match.contact)
    assert "Contact details are erased once a request closes." in texts[2]
    assert "Your organization helped meet this request." in texts[2]
    member = await check(client, "/check", match.codename)
    assert match.contact not in member.text
    assert "Share your contact details" not in member.text


async def test_the_consent_form_explains_what_who_and_for_how_long(
    client: httpx2.AsyncClient, db: Database
) -> None:
    org = await organization(db, name="Night Kitchen")
    match = await matched_with_organization(client, db, org)
    page = (await check(client, "/check", match.codename)).text
    assert "Who is helping" in page and "Night Kitchen" in page
    assert "Proposed: waiting for the helper to accept" in page
    assert "If you say yes, the helper will see exactly this:" in page
    assert match.contact in page
    assert "You can change your mind at any time while this match is open." in page
    assert "erased the moment this request closes" in page
    assert "Yes, share my contact details with them" in page
    assert (
        "The organization matched with you (Night Kitchen) reads the messages written since" in page
    )


async def test_no_contact_means_nothing_to_share(client: httpx2.AsyncClient, db: Database) -> None:
    org = await organization(db)
    match = await matched_with_organization(client, db, org, contact="")
    page = await check(client, "/check", match.codename)
    assert "You didn't leave contact details, so there is nothing to share." in said(page)
    assert "Yes, share my contact details" not in page.text
    response = await consent(client, match, "yes")
    assert response.status_code == 200
    assert "nothing to share" in response.text
    assert (await Match.get(need_id=match.need_id)).contact_shared is False


async def test_stale_or_odd_consent_is_answered_kindly(
    client: httpx2.AsyncClient, db: Database
) -> None:
    org = await organization(db)
    match = await matched_with_organization(client, db, org)
    for share in ("", "maybe", "YES"):
        response = await consent(client, match, share)
        assert response.status_code == 422
        assert "Nothing changed" in said(response)
    # Twice in a row (a double click): the same answer, one history entry.
    for _ in range(2):
        response = await consent(client, match, "yes")
        assert response.status_code == 200
    await decline_match(match.need_id, actor_role="organization", organization_id=org)
    response = await consent(client, match, "yes")
    assert response.status_code == 409
    assert CHANGED in said(response)
    await check(client, "/check/withdraw", match.codename)
    response = await consent(client, match, "no")
    assert response.status_code == 409
    assert CHANGED in said(response)

    unknown = await check(client, "/check/consent", "abacus " * 7, share="yes")
    assert unknown.status_code == 404
    assert "We couldn't find anything for that codename" in said(unknown)


async def test_the_offering_member_sees_the_contact_only_with_consent(
    client: httpx2.AsyncClient, db: Database
) -> None:
    match = await matched_with_community(client, db)
    assert match.offer_codename
    page = await check(client, "/check", match.offer_codename)
    assert str(escape("Two bags of groceries, no pork please")) in page.text
    assert match.contact not in page.text
    assert "Not shared with you" in page.text
    member = await check(client, "/check", match.codename)
    assert "A community member who offered help" in member.text
    assert "they can't read your messages" in said(member)

    await consent(client, match, "yes")
    assert match.contact in (await check(client, "/check", match.offer_codename)).text
    await consent(client, match, "no")
    assert match.contact not in (await check(client, "/check", match.offer_codename)).text
    await consent(client, match, "yes")
    await check(client, "/check/withdraw", match.codename)
    page = await check(client, "/check", match.offer_codename)
    assert match.contact not in page.text
    assert str(escape("Two bags of groceries")) not in page.text  # the match ended with it


async def test_an_organizations_name_is_shown_as_text(
    client: httpx2.AsyncClient, db: Database
) -> None:
    org = await organization(db, name="<i>Kitchen</i>")
    match = await matched_with_organization(client, db, org)
    page = await check(client, "/check", match.codename)
    assert "<i>Kitchen</i>" not in page.text
    assert "&lt;i&gt;Kitchen&lt;/i&gt;" in page.text
