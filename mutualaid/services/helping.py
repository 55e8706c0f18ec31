"""Matched needs as the helper sees them: an organization in its portal, or a community member
who offered help, through their codename; and the match as the member who asked sees it.

Privacy promise 4 is applied here, once: every view a helper gets is built by `_helper_view`,
whose contact comes only from `_contact_for_helper`. No route or template reads a need's
contact for a helper any other way. Promise 8: an organization reaches a need only through a
match of its own (`_organization_match`); another organization's need looks exactly like one
that doesn't exist.

What an organization sees: needs with a match of its own that is proposed or accepted (open),
or fulfilled (its record of what it helped with, without contact details, until the need is
purged). After it declines, or after the match is cancelled (the member withdrew, a
coordinator ended it), the need is gone from its portal.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from typing import NoReturn

from tortoise.transactions import in_transaction

from mutualaid.domain import needs as need_rules
from mutualaid.domain.catalog import category_label
from mutualaid.domain.errors import DomainError, InvalidTransition
from mutualaid.domain.match_rules import (
    OPEN,
    MatchStatus,
    NoOpenMatch,
    NotMatchable,
    contact_visible_to_helper,
)
from mutualaid.domain.needs import NeedEvent, NeedStatus, Urgency
from mutualaid.services import audit, matching
from mutualaid.services.needs import ThreadMessage, add_message
from mutualaid.storage.db import checkpoint, connection
from mutualaid.storage.models import Match, Message, Need
from mutualaid.storage.writes import in_dialect

#: The matches that let an organization see a need.
VISIBLE = frozenset(OPEN | {MatchStatus.FULFILLED})
#: How many fulfilled needs the portal lists (closed needs are purged after retention anyway).
RECENT_FULFILLED = 50


class NotMatchedHere(DomainError):
    """A helper reaches a need only through a match of its own (any other looks the same)."""


class NothingToShare(DomainError):
    """Consent to share contact details needs contact details to share."""


class HelperAction(StrEnum):
    ACCEPT = "accept"
    DECLINE = "decline"
    FULFIL = "fulfil"


#: The match status each helper action needs: accept and decline a proposal, fulfil an
#: accepted match.
ACTION_NEEDS = {
    HelperAction.ACCEPT: MatchStatus.PROPOSED,
    HelperAction.DECLINE: MatchStatus.PROPOSED,
    HelperAction.FULFIL: MatchStatus.ACCEPTED,
}


@dataclass(frozen=True)
class HelperNeedSummary:
    """One line of an organization's list: no words of the member's."""

    need_id: uuid.UUID
    category: str
    area: str
    urgency: Urgency
    window_start: date | None
    window_end: date | None
    match_status: MatchStatus
    proposed_at: datetime
    decided_at: datetime | None


@dataclass(frozen=True)
class HelperNeedView:
    """What the matched helper needs to help, and the contact only if the member agreed."""

    need_id: uuid.UUID
    match_status: MatchStatus
    need_status: NeedStatus
    category: str
    area: str
    urgency: Urgency
    window_start: date | None
    window_end: date | None
    description: str
    preferred_name: str | None
    pronouns: str | None
    language: str
    #: Only while the match is open, the need active and the member said yes.
    contact: str | None
    #: The pledge this match uses ("" for a community member's offer).
    pledge_title: str
    messages: tuple[ThreadMessage, ...]

    @property
    def is_active(self) -> bool:
        return self.need_status in need_rules.ACTIVE

    @property
    def can_answer(self) -> bool:
        """Accept or decline: while the match is a proposal."""
        return self.is_active and self.match_status is MatchStatus.PROPOSED

    @property
    def can_fulfil(self) -> bool:
        return self.is_active and self.match_status is MatchStatus.ACCEPTED

    @property
    def can_write(self) -> bool:
        return self.is_active and self.match_status in OPEN


@dataclass(frozen=True)
class OrganizationNeeds:
    open: tuple[HelperNeedSummary, ...]
    fulfilled: tuple[HelperNeedSummary, ...]


@dataclass(frozen=True)
class MemberMatchView:
    """The open match on a member's need, as they see it."""

    #: The organization's public name; None when the helper is a community member.
    helper_name: str | None
    status: MatchStatus
    contact_shared: bool


def _contact_for_helper(need: Need, match: Match) -> str | None:
    """Privacy promise 4, the one place it is applied for helpers."""
    visible = contact_visible_to_helper(
        match_status=match.status,
        contact_shared=bool(match.contact_shared),
        need_active=NeedStatus(need.status) in need_rules.ACTIVE,
    )
    return need.contact if visible else None


async def _helper_view(match: Match, *, with_thread: bool) -> HelperNeedView:
    await match.fetch_related("need__category", "need__area", "offer")
    need: Need = match.need
    messages: tuple[ThreadMessage, ...] = ()
    if with_thread:
        rows = await Message.filter(need_id=need.id, seq__gt=match.thread_from).order_by("seq")
        messages = tuple(ThreadMessage(m.author_role, m.body, m.created_at) for m in rows)
    offer = match.offer
    return HelperNeedView(
        need_id=need.id,
        match_status=MatchStatus(match.status),
        need_status=NeedStatus(need.status),
        category=category_label(need.category.slug, need.category.name),
        area=need.area.name,
        urgency=Urgency(need.urgency),
        window_start=need.window_start,
        window_end=need.window_end,
        description=need.description,
        preferred_name=need.preferred_name,
        pronouns=need.pronouns,
        language=need.language,
        contact=_contact_for_helper(need, match),
        pledge_title=offer.title if offer is not None else "",
        messages=messages,
    )


def _summary(match: Match) -> HelperNeedSummary:
    need: Need = match.need
    return HelperNeedSummary(
        need_id=need.id,
        category=category_label(need.category.slug, need.category.name),
        area=need.area.name,
        urgency=Urgency(need.urgency),
        window_start=need.window_start,
        window_end=need.window_end,
        match_status=MatchStatus(match.status),
        proposed_at=match.created_at,
        decided_at=match.decided_at,
    )


def _values(statuses: frozenset[MatchStatus]) -> list[str]:
    return [status.value for status in statuses]


# Organizations -------------------------------------------------------------------------


async def organization_needs(organization_id: uuid.UUID) -> OrganizationNeeds:
    """Open matches first (proposals waiting for an answer, then the most urgent), then the
    needs it recently helped meet. Only this organization's matches."""
    open_matches = await Match.filter(
        organization_id=organization_id, status__in=_values(OPEN)
    ).prefetch_related("need__category", "need__area")
    open_rows = sorted(
        (_summary(match) for match in open_matches),
        key=lambda row: (
            row.match_status is not MatchStatus.PROPOSED,
            need_rules.URGENCY_RANK[row.urgency],
            row.proposed_at,
            str(row.need_id),
        ),
    )
    fulfilled = (
        await Match.filter(organization_id=organization_id, status=MatchStatus.FULFILLED.value)
        .order_by("-decided_at", "-created_at", "id")
        .limit(RECENT_FULFILLED)
        .prefetch_related("need__category", "need__area")
    )
    return OrganizationNeeds(
        open=tuple(open_rows), fulfilled=tuple(_summary(match) for match in fulfilled)
    )


async def _organization_match(organization_id: uuid.UUID, need_id: uuid.UUID) -> Match | None:
    """This organization's visible match on the need: the open one, else the fulfilled one
    (a need has at most one open match, and once fulfilled it takes no other)."""
    matches = await Match.filter(
        organization_id=organization_id, need_id=need_id, status__in=_values(VISIBLE)
    )
    matches.sort(key=lambda m: (MatchStatus(m.status) not in OPEN, str(m.id)))
    return matches[0] if matches else None


async def organization_need(organization_id: uuid.UUID, need_id: uuid.UUID) -> HelperNeedView:
    match = await _organization_match(organization_id, need_id)
    if match is None:
        raise NotMatchedHere()
    return await _helper_view(match, with_thread=True)


async def read_organization_need(
    organization_id: uuid.UUID, need_id: uuid.UUID, *, staff_id: uuid.UUID
) -> HelperNeedView:
    """The need as a member of the organization reads it; the reading is audited (ids only),
    like a coordinator's."""
    view = await organization_need(organization_id, need_id)
    await audit.record(
        None, staff_id=staff_id, action="need.view", record_type="need", record_id=need_id
    )
    return view


async def organization_was_matched(organization_id: uuid.UUID, need_id: uuid.UUID) -> bool:
    """Whether the organization ever had a match on this need (a stale form from it gets a
    kind answer; anyone else's guess gets "not found")."""
    return await Match.filter(organization_id=organization_id, need_id=need_id).exists()


async def _refuse_unless_matched(organization_id: uuid.UUID, need_id: uuid.UUID) -> NoReturn:
    if not await organization_was_matched(organization_id, need_id):
        raise NotMatchedHere()
    raise NoOpenMatch()


async def organization_act(
    organization_id: uuid.UUID,
    need_id: uuid.UUID,
    action: HelperAction,
    *,
    staff_id: uuid.UUID,
) -> None:
    """Accept or decline a proposal, or mark an accepted match fulfilled.

    NotMatchedHere if the organization never had a match on the need; NoOpenMatch if its
    match isn't in the state the action needs any more (a stale page, a double click).
    """
    match = await _organization_match(organization_id, need_id)
    if match is None or match.status != ACTION_NEEDS[action].value:
        await _refuse_unless_matched(organization_id, need_id)
    try:
        if action is HelperAction.ACCEPT:
            await matching.accept_match(
                need_id, actor_role="organization", organization_id=organization_id, by=staff_id
            )
        elif action is HelperAction.DECLINE:
            await matching.decline_match(
                need_id, actor_role="organization", organization_id=organization_id, by=staff_id
            )
        else:
            await matching.close_need(
                need_id,
                NeedEvent.FULFIL,
                actor_role="organization",
                organization_id=organization_id,
                by=staff_id,
            )
            await checkpoint()  # the erased contact must not linger in the WAL
    except (NotMatchable, InvalidTransition) as problem:  # it changed meanwhile
        raise NoOpenMatch() from problem


async def organization_message(
    organization_id: uuid.UUID, need_id: uuid.UUID, body: str, *, staff_id: uuid.UUID
) -> None:
    """Write in the need's thread while this organization's match is open.

    InvalidTransition once the need has closed; NoOpenMatch once the match ended otherwise.
    """
    async with in_transaction() as conn:
        need = await Need.filter(id=need_id).select_for_update().using_db(conn).first()
        if need is None:
            raise NotMatchedHere()
        matched = await (
            Match.filter(organization_id=organization_id, need_id=need_id, status__in=_values(OPEN))
            .using_db(conn)
            .exists()
        )
        if not matched:
            if not await Match.filter(organization_id=organization_id, need_id=need_id).exists():
                raise NotMatchedHere()
            if NeedStatus(need.status) not in need_rules.ACTIVE:
                raise InvalidTransition("closed needs take no messages")
            raise NoOpenMatch()
        await add_message(need_id, author_role="organization", body=body)
        await audit.record(
            conn, staff_id=staff_id, action="need.message", record_type="need", record_id=need_id
        )


# Community offerers (by codename) --------------------------------------------------------


async def offer_matches(offer_id: uuid.UUID) -> tuple[HelperNeedView, ...]:
    """The needs matched to a community member's offer while their matches are open."""
    matches = await Match.filter(offer_id=offer_id, status__in=_values(OPEN)).order_by(
        "created_at", "id"
    )
    views = [await _helper_view(match, with_thread=False) for match in matches]
    views.sort(key=lambda view: (not view.can_answer, need_rules.URGENCY_RANK[view.urgency]))
    return tuple(views)


async def offerer_act(offer_id: uuid.UUID, need_id: uuid.UUID, action: HelperAction) -> None:
    """The offering member accepts or declines a proposal on their own offer.

    NoOpenMatch for everything else: another offer's need, a need that doesn't exist, a
    match that already changed. The three look the same from outside.
    """
    if action is HelperAction.FULFIL:
        raise NoOpenMatch()
    match = await Match.filter(
        offer_id=offer_id, need_id=need_id, status=MatchStatus.PROPOSED.value
    ).first()
    if match is None:
        raise NoOpenMatch()
    try:
        if action is HelperAction.ACCEPT:
            await matching.accept_match(need_id, actor_role="offerer", offer_id=offer_id)
        else:
            await matching.decline_match(need_id, actor_role="offerer", offer_id=offer_id)
    except (NotMatchable, InvalidTransition) as problem:
        raise NoOpenMatch() from problem


# The member who asked (by codename) ------------------------------------------------------


# The open match and its organization's name in one statement (every codename check).
_MEMBER_MATCH = (
    'SELECT "m"."status", "m"."contact_shared", "o"."name" AS "helper_name" '
    'FROM "match" AS "m" LEFT JOIN "organization" AS "o" ON "o"."id" = "m"."organization_id" '
    'WHERE "m"."need_id" = ? AND "m"."status" IN (?, ?) LIMIT 1'
)


async def member_match(need_id: uuid.UUID) -> MemberMatchView | None:
    conn = connection()
    _, rows = await conn.execute_query(
        in_dialect(_MEMBER_MATCH, conn.capabilities.dialect),
        [str(need_id), *sorted(status.value for status in OPEN)],
    )
    if not rows:
        return None
    return MemberMatchView(
        helper_name=rows[0]["helper_name"],
        status=MatchStatus(rows[0]["status"]),
        contact_shared=bool(rows[0]["contact_shared"]),
    )


async def member_consent(need_id: uuid.UUID, *, share: bool) -> None:
    """The member says whether the matched helper may see their contact details.

    NoOpenMatch when there is no open match to consent for; NothingToShare when they agree
    but left no contact details.
    """
    need = await Need.get_or_none(id=need_id)
    if need is None or NeedStatus(need.status) not in need_rules.ACTIVE:
        raise NoOpenMatch()
    if share and need.contact is None:
        raise NothingToShare()
    match = await matching.open_match_of(need_id)
    if match is None:
        raise NoOpenMatch()
    if bool(match.contact_shared) is share:
        return  # already so: a double click records nothing twice
    await matching.set_consent(need_id, share=share)
