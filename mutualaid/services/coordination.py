"""A coordinator's work on one need: read it (audited), see ranked suggestions, propose a
match, write in the thread, and close it.

Every read of a need's words and every action lands in the audit log as ids only
(privacy promise 8); contact details leave the database the moment a need closes
(privacy promise 4).
"""

from __future__ import annotations

import logging
import uuid
from dataclasses import dataclass
from datetime import date, datetime

from mutualaid.domain.catalog import OfferKind, category_label
from mutualaid.domain.match_rules import OPEN as OPEN_MATCH
from mutualaid.domain.match_rules import MatchStatus
from mutualaid.domain.needs import ACTIVE, NeedEvent, NeedStatus, Urgency
from mutualaid.services import audit, notify
from mutualaid.services.matching import close_need, propose_match, suggestions_for, take_back_match
from mutualaid.services.needs import ThreadMessage, add_message
from mutualaid.settings import Settings
from mutualaid.storage.db import checkpoint
from mutualaid.storage.models import Match, Message, Need, NeedHistory, Offer

log = logging.getLogger("mutualaid.coordination")

#: What a coordinator can close a need as, and the life-cycle event each one is.
OUTCOMES = {
    "fulfilled": NeedEvent.FULFIL,
    "unmet": NeedEvent.CLOSE_UNMET,
    "withdrawn": NeedEvent.WITHDRAW,
}
SUGGESTIONS_SHOWN = 10


@dataclass(frozen=True)
class HistoryEntry:
    event: str
    actor_role: str
    created_at: datetime


@dataclass(frozen=True)
class MatchView:
    """The need's open match, as coordinators see it."""

    id: uuid.UUID
    status: MatchStatus
    #: The organization's name; None for a community member's offer.
    organization: str | None
    offer_title: str
    offer_kind: OfferKind | None
    contact_shared: bool
    created_at: datetime


@dataclass(frozen=True)
class CoordinatorNeedView:
    """Everything a coordinator sees about a need: the member's words included."""

    id: uuid.UUID
    status: NeedStatus
    category: str
    area: str
    urgency: Urgency
    window_start: date | None
    window_end: date | None
    description: str
    #: Only if they gave it, and only while the need is active (erased when it closes).
    contact: str | None
    preferred_name: str | None
    pronouns: str | None
    language: str
    created_at: datetime
    last_activity_at: datetime
    closed_at: datetime | None
    history: tuple[HistoryEntry, ...]
    messages: tuple[ThreadMessage, ...]
    open_match: MatchView | None

    @property
    def is_active(self) -> bool:
        return self.status in ACTIVE

    @property
    def is_open(self) -> bool:
        return self.status is NeedStatus.OPEN

    @property
    def reference(self) -> str:
        return self.id.hex[:8]


@dataclass(frozen=True)
class SuggestionView:
    """One ranked offer, with what its one-line reason is built from."""

    offer_id: uuid.UUID
    #: The pledging organization's name; None for a community member's offer.
    organization: str | None
    title: str
    kind: OfferKind
    language: str
    capacity_left: int
    exact_area: bool
    first_day: date
    #: Open matches the organization is already working on.
    organization_load: int


async def need_exists(need_id: uuid.UUID) -> bool:
    return await Need.exists(id=need_id)


async def read_need(need_id: uuid.UUID, *, staff_id: uuid.UUID) -> CoordinatorNeedView | None:
    """A need as a coordinator reads it; the reading itself is audited (ids, never text)."""
    view = await need_view(need_id)
    if view is not None:
        await audit.record(
            None, staff_id=staff_id, action="need.view", record_type="need", record_id=need_id
        )
    return view


async def need_view(need_id: uuid.UUID) -> CoordinatorNeedView | None:
    """The view alone, for re-showing the thread right after a coordinator's own action."""
    need = await Need.get_or_none(id=need_id).prefetch_related("category", "area")
    if need is None:
        return None
    history = await NeedHistory.filter(need_id=need_id).order_by("seq")
    messages = await Message.filter(need_id=need_id).order_by("seq")
    return CoordinatorNeedView(
        id=need.id,
        status=NeedStatus(need.status),
        category=category_label(need.category.slug, need.category.name),
        area=need.area.name,
        urgency=Urgency(need.urgency),
        window_start=need.window_start,
        window_end=need.window_end,
        description=need.description,
        contact=need.contact,
        preferred_name=need.preferred_name,
        pronouns=need.pronouns,
        language=need.language,
        created_at=need.created_at,
        last_activity_at=need.last_activity_at,
        closed_at=need.closed_at,
        history=tuple(HistoryEntry(h.event, h.actor_role, h.created_at) for h in history),
        messages=tuple(ThreadMessage(m.author_role, m.body, m.created_at) for m in messages),
        open_match=await _open_match(need_id),
    )


async def _open_match(need_id: uuid.UUID) -> MatchView | None:
    rows = (
        await Match.filter(need_id=need_id, status__in=[s.value for s in OPEN_MATCH])
        .order_by("-created_at")
        .limit(1)
        .values(
            "id",
            "status",
            "contact_shared",
            "created_at",
            "organization__name",
            "offer__title",
            "offer__kind",
        )
    )
    if not rows:
        return None
    row = rows[0]
    return MatchView(
        id=row["id"],
        status=MatchStatus(row["status"]),
        organization=row["organization__name"],
        offer_title=row["offer__title"] or "",
        offer_kind=OfferKind(row["offer__kind"]) if row["offer__kind"] else None,
        contact_shared=bool(row["contact_shared"]),
        created_at=row["created_at"],
    )


async def suggestions(
    need_id: uuid.UUID, *, limit: int = SUGGESTIONS_SHOWN
) -> list[SuggestionView]:
    """Ranked offers for an open need (hard filters in SQL, ranking in the domain)."""
    ranked = await suggestions_for(need_id, limit=limit)
    details = {
        row["id"]: row
        for row in await Offer.filter(id__in=[s.offer.id for s in ranked]).values(
            "id", "title", "kind", "language"
        )
    }
    views: list[SuggestionView] = []
    for suggestion in ranked:
        offer = suggestion.offer
        row = details.get(offer.id)
        if row is None:  # erased between the two reads: simply not suggested
            continue
        views.append(
            SuggestionView(
                offer_id=offer.id,
                organization=offer.organization_name if offer.organization_id else None,
                title=row["title"],
                kind=OfferKind(row["kind"]),
                language=row["language"],
                capacity_left=offer.capacity_left,
                exact_area=suggestion.exact_area,
                first_day=suggestion.first_day,
                organization_load=suggestion.organization_load,
            )
        )
    return views


async def propose(need_id: uuid.UUID, offer_id: uuid.UUID, *, staff_id: uuid.UUID) -> uuid.UUID:
    """Match a need with an offer in one action (one unit of the offer's capacity).
    Raises NotMatchable or NoLongerAvailable. The organization is told by `tell_helper`,
    after the coordinator has their answer."""
    return await propose_match(need_id, offer_id, by=staff_id)


async def take_back(need_id: uuid.UUID, *, staff_id: uuid.UUID) -> None:
    """End the need's open match and put it back in the queue. Raises NoOpenMatch."""
    await take_back_match(need_id, by=staff_id)


async def tell_helper(match_id: uuid.UUID, *, settings: Settings) -> None:
    """Email the matched organization, if email is set up; run after the response, so a
    slow mail server never keeps a coordinator waiting."""
    try:
        await notify.match_proposed(match_id, settings=settings)
    except Exception as error:
        # The match stands; a notice that could not go out must not undo it. The type only:
        # a message could quote an address.
        log.warning("match notification failed: %s", type(error).__name__)


async def write_message(need_id: uuid.UUID, *, staff_id: uuid.UUID, body: str) -> None:
    """A coordinator's message in the need's thread: stored encrypted, audited by id.
    Raises InvalidTransition when the need is closed."""
    await add_message(need_id, author_role="coordinator", body=body)
    await audit.record(
        None, staff_id=staff_id, action="need.message", record_type="need", record_id=need_id
    )


async def close(need_id: uuid.UUID, outcome: str, *, staff_id: uuid.UUID) -> None:
    """Close as fulfilled, unmet or withdrawn: counters move in the same transaction and the
    contact details are erased. Raises NotMatchable when it is closed already."""
    await close_need(need_id, OUTCOMES[outcome], actor_role="coordinator", by=staff_id)
    # Privacy promise 4 and 5: the erased contact must not linger in SQLite's WAL.
    await checkpoint()
