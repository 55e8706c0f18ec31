"""Matching: suggestions for a need, and a match's life from proposal to fulfilment."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import date

from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.exceptions import DoesNotExist
from tortoise.expressions import F
from tortoise.transactions import in_transaction

from mutualaid.domain import needs as need_rules
from mutualaid.domain.clock import this_hour, today
from mutualaid.domain.match_rules import (
    OPEN,
    MatchStatus,
    NoLongerAvailable,
    NoOpenMatch,
    NotMatchable,
)
from mutualaid.domain.matching import HardFilters, OfferFacts, Suggestion, hard_filters, rank
from mutualaid.domain.needs import NeedEvent, NeedStatus, Urgency
from mutualaid.services import audit
from mutualaid.services.history import record_history
from mutualaid.services.needs import apply_event, release_open_match, thread_length
from mutualaid.storage.models import Match, Need, Offer
from mutualaid.storage.queries import (
    NeedPlace,
    need_place,
    offers_admitted_by,
    open_match_counts,
)

CANDIDATES_PER_AREA_CLASS = 200


def filters_for(place: NeedPlace, *, on: date | None = None) -> HardFilters:
    return hard_filters(
        category_id=place.category_id,
        area_id=place.area_id,
        neighbour_ids=place.neighbour_ids,
        urgency=Urgency(place.urgency),
        window_start=place.window_start,
        window_end=place.window_end,
        today=on or today(),
    )


async def suggestions_for(need_id: uuid.UUID, *, limit: int = 10) -> list[Suggestion]:
    """Ranked offers that could meet a need: exact area first, then its neighbours."""
    place = await need_place(need_id)
    if place is None:
        raise DoesNotExist(Need)
    filters = filters_for(place)
    exact = frozenset({place.area_id})
    candidates = await offers_admitted_by(filters, area_ids=exact, limit=CANDIDATES_PER_AREA_CLASS)
    if len(candidates) < limit:
        candidates += await offers_admitted_by(
            filters, area_ids=filters.area_ids - exact, limit=CANDIDATES_PER_AREA_CLASS
        )
    # An offer serving the need's area and a neighbour is found twice: keep the first copy,
    # the one that knows it serves the need's own area.
    first: dict[uuid.UUID, OfferFacts] = {}
    for offer in candidates:
        first.setdefault(offer.id, offer)
    unique = list(first.values())
    loads = await open_match_counts({o.organization_id for o in unique if o.organization_id})
    return rank(unique, filters, need_area_id=place.area_id, loads=loads, limit=limit)


async def propose_match(need_id: uuid.UUID, offer_id: uuid.UUID, *, by: uuid.UUID) -> uuid.UUID:
    """Match an open need with an offer that still passes the hard filters, using one unit."""
    async with in_transaction() as conn:
        need = await Need.filter(id=need_id).select_for_update().using_db(conn).first()
        if need is None or need.status != NeedStatus.OPEN.value:
            raise NotMatchable()
        offer = await Offer.filter(id=offer_id).select_for_update().using_db(conn).first()
        if offer is None:
            raise NoLongerAvailable()
        place = await need_place(need.id)
        if place is None:
            raise NotMatchable()
        filters = filters_for(place)
        if not await offers_admitted_by(filters, area_ids=filters.area_ids, offer_id=offer.id):
            raise NoLongerAvailable()
        # The conditional update is what guarantees no overbooking under concurrency.
        taken = (
            await Offer.filter(id=offer.id, capacity_left__gt=0)
            .using_db(conn)
            .update(capacity_left=F("capacity_left") - 1)
        )
        if taken != 1:
            raise NoLongerAvailable()
        match = await Match.create(
            need_id=need.id,
            offer_id=offer.id,
            organization_id=offer.organization_id,  # type: ignore[attr-defined]
            status=MatchStatus.PROPOSED.value,
            proposed_by_id=by,
            thread_from=await thread_length(conn, need.id),
            created_at=this_hour(),
            using_db=conn,
        )
        await apply_event(conn, need, NeedEvent.MATCH)
        await record_history(conn, need.id, "proposed", "coordinator")
        await audit.record(
            conn, staff_id=by, action="match.propose", record_type="match", record_id=match.id
        )
    return match.id


async def _open_match(conn: BaseDBAsyncClient, need_id: uuid.UUID) -> Match:
    match = (
        await Match.filter(need_id=need_id, status__in=[s.value for s in OPEN])
        .select_for_update()
        .using_db(conn)
        .first()
    )
    if match is None:
        raise NoOpenMatch()
    return match


async def open_match_of(need_id: uuid.UUID) -> Match | None:
    return await Match.filter(need_id=need_id, status__in=[s.value for s in OPEN]).first()


async def accept_match(
    need_id: uuid.UUID,
    *,
    actor_role: str,
    organization_id: uuid.UUID | None = None,
    offer_id: uuid.UUID | None = None,
    by: uuid.UUID | None = None,
) -> None:
    """The helper (an organization, or the offering member by codename) accepts."""
    async with in_transaction() as conn:
        await Need.filter(id=need_id).select_for_update().using_db(conn).first()
        match = await _open_match(conn, need_id)
        _require_helper(match, organization_id, offer_id)
        if match.status != MatchStatus.PROPOSED.value:
            raise NoOpenMatch()
        match.status = MatchStatus.ACCEPTED.value
        match.decided_at = this_hour()
        await match.save(using_db=conn, update_fields=["status", "decided_at"])
        await record_history(conn, need_id, "accepted", actor_role)
        if by is not None:
            await audit.record(
                conn, staff_id=by, action="match.accept", record_type="match", record_id=match.id
            )


async def decline_match(
    need_id: uuid.UUID,
    *,
    actor_role: str,
    organization_id: uuid.UUID | None = None,
    offer_id: uuid.UUID | None = None,
    by: uuid.UUID | None = None,
) -> None:
    """The helper declines: the unit goes back to the offer and the need back to the queue."""
    await _back_to_queue(
        need_id,
        ending=MatchStatus.DECLINED,
        history=("declined", actor_role),
        audit_as=("match.decline", by),
        allowed=lambda match: _require_helper(match, organization_id, offer_id),
    )


async def take_back_match(need_id: uuid.UUID, *, by: uuid.UUID) -> None:
    """A coordinator ends the open match (the helper went quiet, or it was a mistake): the
    unit goes back to the offer and the need back to the queue, as when a helper declines."""
    await _back_to_queue(
        need_id,
        ending=MatchStatus.CANCELLED,
        history=("taken_back", "coordinator"),
        audit_as=("match.take_back", by),
        allowed=lambda match: None,
    )


async def _back_to_queue(
    need_id: uuid.UUID,
    *,
    ending: MatchStatus,
    history: tuple[str, str],
    audit_as: tuple[str, uuid.UUID | None],
    allowed: Callable[[Match], None],
) -> None:
    async with in_transaction() as conn:
        # Lock order everywhere: the need, then its match (no deadlock with a withdrawal).
        need = await Need.filter(id=need_id).select_for_update().using_db(conn).first()
        if need is None:
            raise NoOpenMatch()
        match = await _open_match(conn, need_id)
        allowed(match)
        await release_open_match(conn, need_id, ending)
        await apply_event(conn, need, NeedEvent.DECLINE)
        await record_history(conn, need_id, *history)
        action, by = audit_as
        if by is not None:
            await audit.record(
                conn, staff_id=by, action=action, record_type="match", record_id=match.id
            )


def _require_helper(
    match: Match, organization_id: uuid.UUID | None, offer_id: uuid.UUID | None
) -> None:
    """Only the organization (or offer) the match is with may act on it."""
    if organization_id is not None and match.organization_id == organization_id:  # type: ignore[attr-defined]
        return
    if offer_id is not None and match.offer_id == offer_id:  # type: ignore[attr-defined]
        return
    raise NoOpenMatch()


async def set_consent(need_id: uuid.UUID, *, share: bool) -> None:
    """The member decides whether the matched helper may see their contact details."""
    async with in_transaction() as conn:
        await Need.filter(id=need_id).select_for_update().using_db(conn).first()
        match = await _open_match(conn, need_id)
        match.contact_shared = share
        await match.save(using_db=conn, update_fields=["contact_shared"])
        await record_history(conn, need_id, "consented" if share else "consent_withdrawn", "member")


async def close_need(
    need_id: uuid.UUID,
    outcome: NeedEvent,
    *,
    actor_role: str,
    organization_id: uuid.UUID | None = None,
    by: uuid.UUID | None = None,
) -> None:
    """Fulfilled, unmet or withdrawn: counters move, contact details are erased, open matches
    end (fulfilled with it, or cancelled with their unit returned)."""
    async with in_transaction() as conn:
        need = await Need.filter(id=need_id).select_for_update().using_db(conn).first()
        if need is None or need.status not in {s.value for s in need_rules.ACTIVE}:
            raise NotMatchable()
        if organization_id is not None:
            match = (
                await Match.filter(need_id=need_id, status__in=[s.value for s in OPEN])
                .using_db(conn)
                .first()
            )
            if match is None or match.organization_id != organization_id:  # type: ignore[attr-defined]
                raise NoOpenMatch()
        await apply_event(conn, need, outcome)
        event = {NeedEvent.FULFIL: "fulfilled", NeedEvent.CLOSE_UNMET: "unmet"}.get(
            outcome, "withdrawn"
        )
        await record_history(conn, need_id, event, actor_role)
        if by is not None:
            await audit.record(
                conn, staff_id=by, action=f"need.{event}", record_type="need", record_id=need_id
            )
