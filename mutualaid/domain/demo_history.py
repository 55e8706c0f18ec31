"""A few months of a small network's life, simulated for the demo database: the counter
moves its events would have made, never a stored request.

Reports are built from counters alone (privacy promise 6), so a demo can show what
/reports looks like after a while without inventing a single record about anyone. Every
life goes through `needs.step`, so it can only take the steps a real need can, and moves
the same metrics (time-to-match and time-to-fulfil buckets included).
"""

from __future__ import annotations

import random
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from mutualaid.domain import needs as rules
from mutualaid.domain.catalog import METRIC_OFFERS_POSTED

#: How a city network's requests spread over the built-in categories (weights, a guess).
CATEGORY_WEIGHTS = {
    "food": 24,
    "cash": 18,
    "housing": 14,
    "transport": 12,
    "hygiene": 12,
    "phone-charging": 8,
    "childcare": 6,
    "other": 6,
}

#: Requests a month, and offers a month (community and organizations together).
NEEDS_PER_MONTH = (320, 440)
OFFERS_PER_MONTH = (30, 60)


@dataclass(frozen=True)
class CounterMove:
    """One increment, with the dimensions the services give it."""

    when: datetime
    metric: str
    category: str
    area_group: str = ""
    source_kind: str = "community"


def complete_months(now: datetime, count: int) -> list[datetime]:
    """The first instants of the `count` complete months before `now`'s month, oldest first."""
    start = now.astimezone(UTC).replace(day=1, hour=0, minute=0, second=0, microsecond=0)
    months = []
    for _ in range(count):
        start = (start - timedelta(days=1)).replace(day=1)
        months.append(start)
    return months[::-1]


def _hours(rng: random.Random, low: int, high: int) -> timedelta:
    return timedelta(hours=rng.randint(low, high))


def _life(rng: random.Random, posted: datetime) -> Iterator[tuple[datetime, rules.NeedEvent]]:
    """The events of one simulated request after it is posted, in order."""
    at = posted
    if rng.random() < 0.72:
        # Matched within a day for most, within a week or a month for the rest (hours).
        low, high = rng.choices([(1, 23), (24, 160), (170, 700)], weights=[9, 8, 3])[0]
        at += _hours(rng, low, high)
        yield at, rules.NeedEvent.MATCH
        if rng.random() < 0.1:
            at += _hours(rng, 2, 48)
            yield at, rules.NeedEvent.DECLINE
            at += _hours(rng, 2, 72)
            yield at, rules.NeedEvent.MATCH
        ending = rng.choices(
            [rules.NeedEvent.FULFIL, rules.NeedEvent.WITHDRAW, rules.NeedEvent.CLOSE_UNMET],
            weights=[80, 10, 10],
        )[0]
        yield at + _hours(rng, 4, 240), ending
        return
    ending = rng.choices(
        [rules.NeedEvent.EXPIRE, rules.NeedEvent.WITHDRAW, rules.NeedEvent.CLOSE_UNMET],
        weights=[50, 25, 25],
    )[0]
    quiet = timedelta(days=21) if ending is rules.NeedEvent.EXPIRE else _hours(rng, 12, 400)
    yield at + quiet, ending


def simulated_moves(
    months: Sequence[datetime],
    *,
    area_groups: Sequence[str],
    until: datetime,
    seed: int = 2026,
) -> list[CounterMove]:
    """The counter moves of requests and offers posted in `months`, events up to `until`
    (later steps haven't happened yet: those requests are still open in the counters)."""
    rng = random.Random(seed)  # noqa: S311 (demo figures, not security)
    categories = list(CATEGORY_WEIGHTS)
    weights = list(CATEGORY_WEIGHTS.values())
    moves: list[CounterMove] = []
    for start in months:
        end = (start + timedelta(days=32)).replace(day=1)
        span = int((end - start).total_seconds() // 3600)
        for _ in range(rng.randint(*NEEDS_PER_MONTH)):
            category = rng.choices(categories, weights=weights)[0]
            group = rng.choice(area_groups)
            posted = start + timedelta(hours=rng.randrange(span))
            if posted >= until:
                continue
            moves.append(CounterMove(posted, rules.METRIC_POSTED, category, group))
            status = rules.NeedStatus.OPEN
            for at, event in _life(rng, posted):
                if at >= until:
                    break
                moved = rules.step(status, event)
                status = moved.status
                metrics = moved.metrics + rules.time_metrics(event, posted=posted, at=at)
                moves += [CounterMove(at, metric, category, group) for metric in metrics]
        for _ in range(rng.randint(*OFFERS_PER_MONTH)):
            category = rng.choices(categories, weights=weights)[0]
            kind = rng.choice(["community", "community", "organization"])
            when = start + timedelta(hours=rng.randrange(span))
            if when >= until:
                continue
            moves.append(CounterMove(when, METRIC_OFFERS_POSTED, category, "", kind))
    return moves
