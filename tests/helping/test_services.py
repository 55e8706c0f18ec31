"""services.helping directly: the consent rule applied in one place, in every state a match
and its need can be in, and the errors the web layer turns into kind answers."""

from __future__ import annotations

import httpx2
import pytest

from mutualaid.domain.errors import InvalidTransition
from mutualaid.domain.match_rules import NoOpenMatch
from mutualaid.domain.needs import NeedEvent
from mutualaid.services import helping
from mutualaid.services.helping import HelperAction, NothingToShare, NotMatchedHere
from mutualaid.services.matching import close_need, decline_match, set_consent
from mutualaid.services.needs import withdraw_need
from mutualaid.storage.models import Match
from tests.conftest import Database, make_staff
from tests.helping.conftest import matched_with_community, matched_with_organization
from tests.pledges.conftest import organization


async def test_the_contact_follows_consent_match_and_need(
    client: httpx2.AsyncClient, db: Database
) -> None:
    org = await organization(db)
    match = await matched_with_organization(client, db, org)
    view = await helping.organization_need(org, match.need_id)
    assert view.contact is None and view.can_answer and view.can_write

    await set_consent(match.need_id, share=True)
    assert (await helping.organization_need(org, match.need_id)).contact == match.contact
    staff, _ = await make_staff(db, role="organization", organization_id=org)
    await helping.organization_act(org, match.need_id, HelperAction.ACCEPT, staff_id=staff)
    view = await helping.organization_need(org, match.need_id)
    assert view.contact == match.contact and view.can_fulfil and not view.can_answer

    await helping.member_consent(match.need_id, share=False)
    assert (await helping.organization_need(org, match.need_id)).contact is None
    await helping.member_consent(match.need_id, share=True)

    await close_need(match.need_id, NeedEvent.FULFIL, actor_role="coordinator")
    view = await helping.organization_need(org, match.need_id)
    assert view.contact is None and not view.can_write and not view.can_fulfil
    assert view.match_status == "fulfilled"


async def test_other_organizations_and_ended_matches_see_nothing(
    client: httpx2.AsyncClient, db: Database
) -> None:
    org, other = await organization(db), await organization(db)
    match = await matched_with_organization(client, db, org)
    await set_consent(match.need_id, share=True)
    with pytest.raises(NotMatchedHere):
        await helping.organization_need(other, match.need_id)
    assert (await helping.organization_needs(other)).open == ()
    staff, _ = await make_staff(db, role="organization", organization_id=other)
    for action in HelperAction:
        with pytest.raises(NotMatchedHere):
            await helping.organization_act(other, match.need_id, action, staff_id=staff)
    with pytest.raises(NotMatchedHere):
        await helping.organization_message(other, match.need_id, "hello", staff_id=staff)

    await decline_match(match.need_id, actor_role="organization", organization_id=org)
    with pytest.raises(NotMatchedHere):
        await helping.organization_need(org, match.need_id)
    assert await helping.organization_was_matched(org, match.need_id)
    with pytest.raises(NoOpenMatch):
        await helping.organization_message(org, match.need_id, "hello", staff_id=staff)


async def test_a_closed_need_takes_no_organization_messages(
    client: httpx2.AsyncClient, db: Database
) -> None:
    org = await organization(db)
    match = await matched_with_organization(client, db, org, accepted=True)
    await close_need(match.need_id, NeedEvent.FULFIL, actor_role="coordinator")
    staff, _ = await make_staff(db, role="organization", organization_id=org)
    with pytest.raises(InvalidTransition):
        await helping.organization_message(org, match.need_id, "late", staff_id=staff)


async def test_the_offering_members_view(client: httpx2.AsyncClient, db: Database) -> None:
    match = await matched_with_community(client, db)
    (view,) = await helping.offer_matches(match.offer_id)
    assert view.contact is None and view.description and view.can_answer
    await helping.member_consent(match.need_id, share=True)
    (view,) = await helping.offer_matches(match.offer_id)
    assert view.contact == match.contact
    with pytest.raises(NoOpenMatch):
        await helping.offerer_act(match.offer_id, match.need_id, HelperAction.FULFIL)
    await withdraw_need(match.need_id)
    assert await helping.offer_matches(match.offer_id) == ()
    with pytest.raises(NoOpenMatch):
        await helping.offerer_act(match.offer_id, match.need_id, HelperAction.ACCEPT)


async def test_member_match_and_consent(client: httpx2.AsyncClient, db: Database) -> None:
    org = await organization(db, name="Night Kitchen")
    match = await matched_with_organization(client, db, org, contact="")
    seen = await helping.member_match(match.need_id)
    assert seen is not None and seen.helper_name == "Night Kitchen"
    assert seen.status == "proposed" and not seen.contact_shared
    with pytest.raises(NothingToShare):
        await helping.member_consent(match.need_id, share=True)
    await helping.member_consent(match.need_id, share=False)  # nothing to change: fine
    assert (await Match.get(need_id=match.need_id)).contact_shared is False

    community = await matched_with_community(client, db)
    seen = await helping.member_match(community.need_id)
    assert seen is not None and seen.helper_name is None
    await withdraw_need(community.need_id)
    assert await helping.member_match(community.need_id) is None
    with pytest.raises(NoOpenMatch):
        await helping.member_consent(community.need_id, share=False)
