"""A community member who offered help, through their codename: the needs matched with their
offer, accepting and declining them, and one refusal for everything that isn't theirs."""

from __future__ import annotations

import uuid

import httpx2
import pytest

from mutualaid.storage.models import Match, Need, NeedHistory, Offer
from tests.conftest import Database
from tests.helping.conftest import (
    DESCRIPTION,
    check,
    matched_with_community,
    matched_with_organization,
    said,
)
from tests.pledges.conftest import organization

REFUSED = "This match has already changed, so nothing was done."


async def act(
    client: httpx2.AsyncClient, codename: str, need_id: uuid.UUID | str, action: str
) -> httpx2.Response:
    return await check(client, "/check/offer/match", codename, need_id=str(need_id), action=action)


async def test_the_offer_page_lists_matched_needs(client: httpx2.AsyncClient, db: Database) -> None:
    match = await matched_with_community(client, db)
    assert match.offer_codename
    page = await check(client, "/check", match.offer_codename)
    assert page.status_code == 200
    text = said(page)
    assert "Requests matched with your offer" in text
    assert DESCRIPTION in text
    assert "Food · Downtown" in text
    assert "Today or tonight" in text
    assert "Accept: I can help" in text and "Decline" in text
    assert f'name="need_id" value="{match.need_id}"' in page.text
    assert match.contact not in page.text
    assert match.codename not in page.text  # never the other member's codename


async def test_an_offer_with_nothing_matched_says_so(
    client: httpx2.AsyncClient, db: Database
) -> None:
    from tests.helping.conftest import community_offer

    codename, _ = await community_offer(client, db)
    page = await check(client, "/check", codename)
    assert "Nothing is matched with your offer right now." in said(page)


async def test_accepting_by_codename(client: httpx2.AsyncClient, db: Database) -> None:
    match = await matched_with_community(client, db)
    assert match.offer_codename
    response = await act(client, match.offer_codename, match.need_id, "accept")
    assert response.status_code == 200
    text = said(response)
    assert "Thank you for accepting." in text
    assert "You accepted this. When it's done, a coordinator marks it met." in text
    assert "Accept: I can help" not in text
    assert (await Match.get(need_id=match.need_id)).status == "accepted"
    events = await NeedHistory.filter(need_id=match.need_id).values_list("event", "actor_role")
    assert ("accepted", "offerer") in events

    member = await check(client, "/check", match.codename)
    assert "Accepted by the helper" in said(member)

    again = await act(client, match.offer_codename, match.need_id, "accept")
    assert again.status_code == 409
    assert REFUSED in said(again)
    late_decline = await act(client, match.offer_codename, match.need_id, "decline")
    assert late_decline.status_code == 409
    assert (await Match.get(need_id=match.need_id)).status == "accepted"


async def test_declining_by_codename_returns_the_need_and_the_unit(
    client: httpx2.AsyncClient, db: Database
) -> None:
    match = await matched_with_community(client, db)
    assert match.offer_codename
    assert (await Offer.get(id=match.offer_id)).capacity_left == 1
    response = await act(client, match.offer_codename, match.need_id, "decline")
    assert response.status_code == 200
    text = said(response)
    assert "You declined, and that's fine." in text
    assert DESCRIPTION not in text  # no longer theirs to see
    assert "Times left</dt><dd>2 / 2" in response.text
    assert (await Offer.get(id=match.offer_id)).capacity_left == 2
    assert (await Need.get(id=match.need_id)).status == "open"
    assert (await Match.get(need_id=match.need_id)).status == "declined"

    again = await act(client, match.offer_codename, match.need_id, "decline")
    assert again.status_code == 409
    assert REFUSED in said(again)
    assert (await Offer.get(id=match.offer_id)).capacity_left == 2


async def test_anything_not_theirs_gets_the_same_refusal(
    client: httpx2.AsyncClient, db: Database
) -> None:
    mine = await matched_with_community(client, db)
    theirs = await matched_with_community(client, db)
    organizations = await matched_with_organization(client, db, await organization(db))
    assert mine.offer_codename
    answers = []
    for need_id, action in (
        (theirs.need_id, "accept"),
        (theirs.need_id, "decline"),
        (organizations.need_id, "accept"),
        (uuid.uuid4(), "accept"),
        ("not-a-uuid", "accept"),
        ("", "decline"),
        (mine.need_id, "fulfil"),
        (mine.need_id, ""),
    ):
        response = await act(client, mine.offer_codename, need_id, action)
        assert response.status_code == 409, (need_id, action)
        answers.append(said(response).count(REFUSED))
    assert set(answers) == {1}
    # Through a need's codename, the same.
    response = await act(client, mine.codename, mine.need_id, "accept")
    assert response.status_code == 409
    assert REFUSED in said(response)
    for match in (mine, theirs, organizations):
        assert (await Match.get(need_id=match.need_id)).status == "proposed"


@pytest.mark.parametrize("codename", ["", "abacus abdomen", "not a real codename at all ok"])
async def test_a_wrong_codename_is_answered_like_everywhere_else(
    client: httpx2.AsyncClient, db: Database, codename: str
) -> None:
    match = await matched_with_community(client, db)
    response = await act(client, codename, match.need_id, "decline")
    assert response.status_code == 404
    assert "We couldn't find anything for that codename." in said(response)
    assert (await Match.get(need_id=match.need_id)).status == "proposed"
