"""Match suggestions: the hard filters, stated once, and the ranking with its reasons.

The same `HardFilters` value answers `admits()` here and is turned into SQL by
`storage.queries.offers_admitted_by`, so the database and this module can't disagree on what
may be suggested (a test checks both on generated data).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, timedelta

from mutualaid.domain.needs import Urgency

#: How far ahead each urgency looks for help, in days from today (inclusive).
URGENCY_HORIZON = {Urgency.NOW: 1, Urgency.SOON: 4, Urgency.FLEXIBLE: 30}
ALL_DAYS = 0b1111111


def need_window(
    urgency: Urgency, start: date | None, end: date | None, today: date
) -> tuple[date, date]:
    """The days a need could be met on."""
    if urgency is Urgency.WINDOW and start is not None and end is not None:
        return max(start, today), max(end, today)
    return today, today + timedelta(days=URGENCY_HORIZON.get(urgency, 30) - 1)


def day_bits(start: date, end: date) -> int:
    """The weekdays in [start, end] as bits, Monday = 1."""
    bits = 0
    day = start
    while day <= end and bits != ALL_DAYS:
        bits |= 1 << day.weekday()
        day += timedelta(days=1)
    return bits


def open_days_bits(days: set[int] | frozenset[int]) -> int:
    """Stored form of an offer's opening weekdays (0-6); 0 means no weekly hours."""
    return sum(1 << day for day in set(days))


@dataclass(frozen=True)
class OfferFacts:
    """What the hard filters and the ranking need to know about an offer."""

    id: uuid.UUID
    category_id: uuid.UUID
    status: str
    capacity_left: int
    #: None for a community member's offer.
    organization_status: str | None
    area_ids: frozenset[uuid.UUID]
    available_from: date
    available_until: date | None
    open_days: int
    organization_id: uuid.UUID | None = None
    organization_name: str = ""


@dataclass(frozen=True)
class HardFilters:
    """What an offer must satisfy to be suggested for one need."""

    category_id: uuid.UUID
    area_ids: frozenset[uuid.UUID]
    window_start: date
    window_end: date
    #: Weekdays in the window; an offer with weekly hours must open on one of them.
    window_days: int

    def admits(self, offer: OfferFacts) -> bool:
        return (
            offer.category_id == self.category_id
            and offer.status == "active"
            and offer.capacity_left > 0
            and offer.organization_status in (None, "approved")
            and bool(offer.area_ids & self.area_ids)
            and offer.available_from <= self.window_end
            and (offer.available_until is None or offer.available_until >= self.window_start)
            and (offer.open_days == 0 or bool(offer.open_days & self.window_days))
        )


def hard_filters(
    *,
    category_id: uuid.UUID,
    area_id: uuid.UUID,
    neighbour_ids: frozenset[uuid.UUID],
    urgency: Urgency,
    window_start: date | None,
    window_end: date | None,
    today: date,
) -> HardFilters:
    start, end = need_window(urgency, window_start, window_end, today)
    return HardFilters(
        category_id=category_id,
        area_ids=frozenset({area_id}) | neighbour_ids,
        window_start=start,
        window_end=end,
        window_days=day_bits(start, end),
    )


@dataclass(frozen=True)
class Suggestion:
    offer: OfferFacts
    exact_area: bool
    first_day: date
    organization_load: int


def first_possible_day(offer: OfferFacts, filters: HardFilters) -> date:
    """The first day in the window the offer is available (and open, if it has hours)."""
    day = max(offer.available_from, filters.window_start)
    if offer.open_days:
        for _ in range(7):
            if offer.open_days & (1 << day.weekday()):
                break
            day += timedelta(days=1)
    return day


def rank_key(suggestion: Suggestion) -> tuple[bool, date, int, int, date, str]:
    """The order suggestions are shown in, most useful first.

    1. Exact area before a neighbour's (less travel for the member).
    2. Sooner before later (the first day it can actually help).
    3. Lighter-loaded organizations first, so work spreads across organizations (community
       members' offers count as unloaded).
    Then deliberate tie-breaks, so a community offer and a pledge that tie above are ordered
    by a rule rather than by their random ids:
    4. More capacity left first: that offer can best absorb one more, and a last unit stays
       free for a need only it can meet.
    5. Ending sooner first: help that runs out soon is used before it is lost (open-ended
       offers last).
    6. The id, so the order is stable from one page load to the next.
    """
    offer = suggestion.offer
    return (
        not suggestion.exact_area,
        suggestion.first_day,
        suggestion.organization_load,
        -offer.capacity_left,
        offer.available_until or date.max,
        str(offer.id),
    )


def rank(
    offers: list[OfferFacts],
    filters: HardFilters,
    *,
    need_area_id: uuid.UUID,
    loads: dict[uuid.UUID, int],
    limit: int = 10,
) -> list[Suggestion]:
    """The offers the hard filters admit, in `rank_key` order, at most `limit` of them."""
    suggestions = [
        Suggestion(
            offer=offer,
            exact_area=need_area_id in offer.area_ids,
            first_day=first_possible_day(offer, filters),
            organization_load=loads.get(offer.organization_id, 0) if offer.organization_id else 0,
        )
        for offer in offers
        if filters.admits(offer)
    ]
    suggestions.sort(key=rank_key)
    return suggestions[:limit]
