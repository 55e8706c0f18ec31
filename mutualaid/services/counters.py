"""Moving the aggregate counters, always inside the caller's transaction."""

from __future__ import annotations

from datetime import datetime

from tortoise.backends.base.client import BaseDBAsyncClient

from mutualaid.domain.clock import month_of
from mutualaid.storage.models import Counter
from mutualaid.storage.writes import Write, execute

#: One statement per metric, atomic on both databases (as the queue tally's): concurrent
#: first inserts of a key can't both succeed, and value = value + by never loses a step.
_ADD = (
    'INSERT INTO "counter" ("period", "metric", "category", "area_group", "source_kind", "value") '
    "VALUES (?, ?, ?, ?, ?, ?) "
    'ON CONFLICT ("period", "metric", "category", "area_group", "source_kind") '
    'DO UPDATE SET "value" = "counter"."value" + excluded."value"'
)


def bump_writes(
    metrics: tuple[str, ...] | list[str],
    *,
    when: datetime,
    category: str = "",
    area_group: str = "",
    source_kind: str = "",
    by: int = 1,
) -> list[Write]:
    """The statements that add `by` to each metric's counter for the month of `when`
    (privacy promise 6); they must run in the transaction of the event they count."""
    period = month_of(when)
    return [
        Write(_ADD, (period, metric, category, area_group, source_kind, by)) for metric in metrics
    ]


async def bump(
    conn: BaseDBAsyncClient,
    metrics: tuple[str, ...] | list[str],
    *,
    when: datetime,
    category: str = "",
    area_group: str = "",
    source_kind: str = "",
    by: int = 1,
) -> None:
    """Move counters inside the caller's transaction (see bump_writes)."""
    writes = bump_writes(
        metrics,
        when=when,
        category=category,
        area_group=area_group,
        source_kind=source_kind,
        by=by,
    )
    await execute(conn, writes)


async def counter_value(metric: str, *, period: str, **key: str) -> int:
    """The sum of a metric over a period (all other dimensions when not given)."""
    rows = await Counter.filter(metric=metric, period=period, **key).values_list("value", flat=True)
    return sum(int(v) for v in rows)  # type: ignore[call-overload]
