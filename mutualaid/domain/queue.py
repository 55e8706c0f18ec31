"""The coordinators' queue: which needs it holds, in what order, and how it is filtered.

Plain rules, no I/O: `services.queue` turns them into SQL, and tests hold both to the
same answers. Ages work on the hour-precise times we keep (privacy promise 2).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from enum import StrEnum

from mutualaid.domain.needs import URGENCY_RANK, NeedStatus, Urgency
from mutualaid.i18n import _l

#: The queue holds needs someone may still act on: waiting for a match, or matched.
QUEUE_STATUSES = (NeedStatus.OPEN, NeedStatus.MATCHED)
PAGE_SIZE = 50
#: Urgencies in queue order: the most urgent first.
URGENCY_ORDER = tuple(sorted(Urgency, key=URGENCY_RANK.__getitem__))


class AgeBand(StrEnum):
    """How long ago a need was posted, in bands coordinators can filter on."""

    DAY = "day"
    DAYS = "days"
    WEEK = "week"
    OLDER = "older"


#: [from, until) in whole hours since posting; None means no upper bound.
AGE_BAND_HOURS: dict[AgeBand, tuple[int, int | None]] = {
    AgeBand.DAY: (0, 24),
    AgeBand.DAYS: (24, 72),
    AgeBand.WEEK: (72, 168),
    AgeBand.OLDER: (168, None),
}

AGE_BAND_LABELS = {
    AgeBand.DAY: _l("Under a day"),
    AgeBand.DAYS: _l("1 to 3 days"),
    AgeBand.WEEK: _l("3 to 7 days"),
    AgeBand.OLDER: _l("More than a week"),
}

QUEUE_STATUS_LABELS = {
    NeedStatus.OPEN: _l("Waiting for a match"),
    NeedStatus.MATCHED: _l("Matched"),
}


def age_hours(created_at: datetime, now: datetime) -> int:
    """Whole hours since a need was posted (never negative, whatever the clocks say)."""
    return max(0, int((now - created_at) // timedelta(hours=1)))


def age_band_of(created_at: datetime, now: datetime) -> AgeBand:
    hours = age_hours(created_at, now)
    for band, (start, end) in AGE_BAND_HOURS.items():
        if hours >= start and (end is None or hours < end):
            return band
    raise AssertionError("the bands cover every age")  # pragma: no cover


def age_band_bounds(band: AgeBand, now: datetime) -> tuple[datetime | None, datetime | None]:
    """The band as a range of posting times: `after < created_at <= until`, None for an
    open end.

    Whole hours since posting h satisfy start <= h < end exactly when
    now - end < created_at <= now - start, which is what SQL can filter on. The youngest
    band has no upper end: a posting time past `now` (clocks disagree) is 0 hours old.
    """
    start, end = AGE_BAND_HOURS[band]
    after = None if end is None else now - timedelta(hours=end)
    return after, None if start == 0 else now - timedelta(hours=start)


def queue_order_key(
    urgency: str, created_at: datetime, need_id: uuid.UUID
) -> tuple[int, float, str]:
    """Newest-urgent first: urgency (now, soon, window, flexible), then newest, then id."""
    return (URGENCY_RANK[Urgency(urgency)], -created_at.timestamp(), str(need_id))


@dataclass(frozen=True)
class QueueFilters:
    """What a coordinator narrowed the queue to; None means any. Values are already known
    to be valid choices (slugs for category and area, a language code)."""

    status: NeedStatus | None = None
    urgency: Urgency | None = None
    category: str | None = None
    area: str | None = None
    language: str | None = None
    age: AgeBand | None = None

    def without(self, name: str) -> QueueFilters:
        """The same filters, minus one: what each option's count is computed under."""
        return replace(self, **{name: None})

    @property
    def any(self) -> bool:
        return any(getattr(self, name) is not None for name in FACETS)


#: The filters, in the order the form shows them; each has a count per value.
FACETS = ("status", "urgency", "category", "area", "language", "age")


@dataclass(frozen=True)
class Pagination:
    page: int
    pages: int
    total: int

    @property
    def offset(self) -> int:
        return (self.page - 1) * PAGE_SIZE

    @property
    def has_previous(self) -> bool:
        return self.page > 1

    @property
    def has_next(self) -> bool:
        return self.page < self.pages

    @property
    def first_shown(self) -> int:
        return self.offset + 1 if self.total else 0

    @property
    def last_shown(self) -> int:
        return min(self.offset + PAGE_SIZE, self.total)


def paginate(total: int, requested: int) -> Pagination:
    """Pages of PAGE_SIZE; a page past the end shows the last one (the queue may have
    shrunk since the link was made), and there is always a page 1."""
    pages = max(1, -(-total // PAGE_SIZE))
    return Pagination(page=min(max(1, requested), pages), pages=pages, total=total)


@dataclass(frozen=True, order=True)
class QueuePlace:
    """Where a need is counted in the queue's tally: the values five of its filters compare.
    (The sixth, age, moves with the clock, so it is counted from the needs themselves.)"""

    status: str
    urgency: str
    category_id: uuid.UUID
    area_id: uuid.UUID
    language: str

    @property
    def queued(self) -> bool:
        return self.status in {s.value for s in QUEUE_STATUSES}


def tally_changes(
    before: QueuePlace | None, after: QueuePlace | None
) -> list[tuple[QueuePlace, int]]:
    """What one need's change does to the tally: one less where it was counted, one more
    where it is now; nothing for a status outside the queue. Sorted, so two transactions
    moving the same tally rows always lock them in the same order (no deadlock)."""
    changes: dict[QueuePlace, int] = {}
    if before is not None and before.queued:
        changes[before] = changes.get(before, 0) - 1
    if after is not None and after.queued:
        changes[after] = changes.get(after, 0) + 1
    return sorted((place, delta) for place, delta in changes.items() if delta)


#: The QueuePlace field each filter compares (category and area by id).
PLACE_FIELDS = {
    "status": "status",
    "urgency": "urgency",
    "category": "category_id",
    "area": "area_id",
    "language": "language",
}
