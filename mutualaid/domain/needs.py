"""A need's life cycle, and the aggregate counters each step moves (privacy promise 6)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum

from mutualaid.domain.errors import InvalidTransition
from mutualaid.i18n import _l


class NeedStatus(StrEnum):
    OPEN = "open"
    MATCHED = "matched"
    FULFILLED = "fulfilled"
    UNMET = "unmet"
    EXPIRED = "expired"
    WITHDRAWN = "withdrawn"


class NeedEvent(StrEnum):
    MATCH = "match"
    DECLINE = "decline"
    FULFIL = "fulfil"
    CLOSE_UNMET = "close_unmet"
    EXPIRE = "expire"
    WITHDRAW = "withdraw"


CLOSED = frozenset(
    {NeedStatus.FULFILLED, NeedStatus.UNMET, NeedStatus.EXPIRED, NeedStatus.WITHDRAWN}
)
ACTIVE = frozenset({NeedStatus.OPEN, NeedStatus.MATCHED})

#: (from, event) -> to. Anything not listed is refused.
TRANSITIONS: dict[tuple[NeedStatus, NeedEvent], NeedStatus] = {
    (NeedStatus.OPEN, NeedEvent.MATCH): NeedStatus.MATCHED,
    (NeedStatus.MATCHED, NeedEvent.DECLINE): NeedStatus.OPEN,
    (NeedStatus.MATCHED, NeedEvent.FULFIL): NeedStatus.FULFILLED,
    (NeedStatus.OPEN, NeedEvent.CLOSE_UNMET): NeedStatus.UNMET,
    (NeedStatus.MATCHED, NeedEvent.CLOSE_UNMET): NeedStatus.UNMET,
    (NeedStatus.OPEN, NeedEvent.EXPIRE): NeedStatus.EXPIRED,
    (NeedStatus.MATCHED, NeedEvent.EXPIRE): NeedStatus.EXPIRED,
    (NeedStatus.OPEN, NeedEvent.WITHDRAW): NeedStatus.WITHDRAWN,
    (NeedStatus.MATCHED, NeedEvent.WITHDRAW): NeedStatus.WITHDRAWN,
}

#: The counter metric each arrival moves; "posted" is counted when a need is created.
METRIC_FOR_STATUS: dict[NeedStatus, str] = {
    NeedStatus.MATCHED: "needs_matched",
    NeedStatus.FULFILLED: "needs_fulfilled",
    NeedStatus.UNMET: "needs_unmet",
    NeedStatus.EXPIRED: "needs_expired",
    NeedStatus.WITHDRAWN: "needs_withdrawn",
}
METRIC_POSTED = "needs_posted"
METRIC_ERASED = "needs_erased"
METRIC_DECLINED = "matches_declined"


@dataclass(frozen=True)
class Step:
    """The outcome of one event: the new status and the counter metrics to increment."""

    status: NeedStatus
    metrics: tuple[str, ...]


def step(current: NeedStatus, event: NeedEvent) -> Step:
    """Move a need along its life cycle, or refuse with InvalidTransition."""
    target = TRANSITIONS.get((current, event))
    if target is None:
        raise InvalidTransition(f"{current} cannot {event}")
    metrics: list[str] = []
    if event is NeedEvent.DECLINE:
        metrics.append(METRIC_DECLINED)
    if target in METRIC_FOR_STATUS:
        metrics.append(METRIC_FOR_STATUS[target])
    return Step(target, tuple(metrics))


#: Coarse buckets for how long things took (reports): (name, upper limit), the last open-ended.
TIME_BUCKETS: tuple[tuple[str, timedelta | None], ...] = (
    ("1d", timedelta(days=1)),
    ("7d", timedelta(days=7)),
    ("30d", timedelta(days=30)),
    ("longer", None),
)
TIME_METRIC_PREFIX = {NeedEvent.MATCH: "time_to_match_", NeedEvent.FULFIL: "time_to_fulfil_"}


def time_bucket(taken: timedelta) -> str:
    """The coarse bucket a duration falls in (times are hours, so this is never precise)."""
    for name, limit in TIME_BUCKETS:
        if limit is None or taken < limit:
            return name
    raise AssertionError("the last bucket is open-ended")


def time_metrics(event: NeedEvent, *, posted: datetime, at: datetime) -> tuple[str, ...]:
    """The time-to-match or time-to-fulfil counter a match or fulfilment moves, from posting."""
    prefix = TIME_METRIC_PREFIX.get(event)
    if prefix is None:
        return ()
    return (prefix + time_bucket(at - posted),)


def erase_metrics(current: NeedStatus) -> tuple[str, ...]:
    """Erasing an active need also withdraws it, so the reports still add up."""
    if current in ACTIVE:
        return (METRIC_FOR_STATUS[NeedStatus.WITHDRAWN], METRIC_ERASED)
    return (METRIC_ERASED,)


class Urgency(StrEnum):
    NOW = "now"
    SOON = "soon"
    FLEXIBLE = "flexible"
    WINDOW = "window"


#: Lower sorts first in the coordinators' queue.
URGENCY_RANK = {Urgency.NOW: 0, Urgency.SOON: 1, Urgency.WINDOW: 2, Urgency.FLEXIBLE: 3}

URGENCY_LABELS = {
    Urgency.NOW: _l("Today or tonight"),
    Urgency.SOON: _l("In the next few days"),
    Urgency.WINDOW: _l("Between two dates"),
    Urgency.FLEXIBLE: _l("Whenever it works"),
}

STATUS_LABELS = {
    NeedStatus.OPEN: _l("Waiting for a match"),
    NeedStatus.MATCHED: _l("Matched with someone who can help"),
    NeedStatus.FULFILLED: _l("Met"),
    NeedStatus.UNMET: _l("Closed without being met"),
    NeedStatus.EXPIRED: _l("Expired after a long quiet time"),
    NeedStatus.WITHDRAWN: _l("Withdrawn by you"),
}


@dataclass(frozen=True)
class NeedDraft:
    """What a community member asks for, already checked by the form."""

    category: str
    area: str
    urgency: Urgency
    description: str
    language: str
    window_start: date | None = None
    window_end: date | None = None
    contact: str | None = None
    preferred_name: str | None = None
    pronouns: str | None = None
