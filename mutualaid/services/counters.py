"""Moving the aggregate counters, always inside the caller's transaction."""

from __future__ import annotations

from datetime import datetime

from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.exceptions import IntegrityError
from tortoise.expressions import F
from tortoise.transactions import in_transaction

from mutualaid.domain.clock import month_of
from mutualaid.storage.models import Counter


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
    """Add `by` to each metric's counter for the month of `when` (privacy promise 6)."""
    period = month_of(when)
    for metric in metrics:
        key = {
            "period": period,
            "metric": metric,
            "category": category,
            "area_group": area_group,
            "source_kind": source_kind,
        }
        rows = await Counter.filter(**key).using_db(conn).update(value=F("value") + by)
        if rows:
            continue
        try:
            # A savepoint, so a concurrent first insert doesn't abort the whole transaction.
            async with in_transaction() as savepoint:
                await Counter.create(**key, value=by, using_db=savepoint)
        except IntegrityError:
            await Counter.filter(**key).using_db(conn).update(value=F("value") + by)


async def counter_value(metric: str, *, period: str, **key: str) -> int:
    """The sum of a metric over a period (all other dimensions when not given)."""
    rows = await Counter.filter(metric=metric, period=period, **key).values_list("value", flat=True)
    return sum(int(v) for v in rows)  # type: ignore[call-overload]
