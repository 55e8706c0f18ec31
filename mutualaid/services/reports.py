"""Publishing transparency reports: each complete month once, from counters only, frozen.

A published report is never rebuilt or changed: later counter changes (or a purge) can't
alter it, and two releases of the same month can never be compared.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from tortoise.exceptions import IntegrityError

from mutualaid.domain.catalog import category_label
from mutualaid.domain.clock import month_of, this_hour
from mutualaid.domain.reports import CounterRow, build_report, canonical_json, content_hash
from mutualaid.storage.models import Category, Counter, PublishedReport


@dataclass(frozen=True)
class Published:
    period: str
    body: str
    content_hash: str
    published_at: datetime

    @property
    def report(self) -> dict[str, Any]:
        loaded: dict[str, Any] = json.loads(self.body)
        return loaded


def months_between(first: str, last: str) -> list[str]:
    """Every `YYYY-MM` from first to last, inclusive."""
    year, month = map(int, first.split("-"))
    months = []
    while f"{year:04d}-{month:02d}" <= last:
        months.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


def previous_month(period: str) -> str:
    year, month = map(int, period.split("-"))
    return f"{year - 1:04d}-12" if month == 1 else f"{year:04d}-{month - 1:02d}"


async def counter_rows(period: str) -> list[CounterRow]:
    rows = await Counter.filter(period=period).values_list(
        "metric", "category", "area_group", "source_kind", "value"
    )
    return [CounterRow(m, c, a, s, int(v)) for m, c, a, s, v in rows]


async def publish_period(period: str, *, threshold: int, currency: str) -> bool:
    """Build and freeze one month's report; False if it was already published."""
    if await PublishedReport.exists(period=period):
        return False
    report = build_report(
        period, await counter_rows(period), threshold=threshold, currency=currency
    )
    body = canonical_json(report)
    try:
        await PublishedReport.create(
            period=period, body=body, content_hash=content_hash(body), published_at=this_hour()
        )
    except IntegrityError:  # another process published it a moment ago: theirs stands
        return False
    return True


async def publish_due(*, now: datetime, threshold: int, currency: str) -> int:
    """Publish every complete month, from the first with counters, not yet published."""
    last_complete = previous_month(month_of(now))
    first = await Counter.filter(period__lte=last_complete).order_by("period").first()
    if first is None:
        return 0
    done: set[str] = {str(p) for p in await PublishedReport.all().values_list("period", flat=True)}
    published = 0
    for period in months_between(first.period, last_complete):
        if period not in done and await publish_period(
            period, threshold=threshold, currency=currency
        ):
            published += 1
    return published


def _published(row: PublishedReport) -> Published:
    return Published(row.period, row.body, row.content_hash, row.published_at)


async def published_periods() -> list[Published]:
    """Newest first."""
    return [_published(r) for r in await PublishedReport.all().order_by("-period")]


async def published(period: str) -> Published | None:
    row = await PublishedReport.get_or_none(period=period)
    return _published(row) if row else None


async def latest() -> Published | None:
    row = await PublishedReport.all().order_by("-period").first()
    return _published(row) if row else None


async def category_labels() -> dict[str, str]:
    """Every category's label by slug, retired ones too (old reports still name them)."""
    return {row.slug: category_label(row.slug, row.name) for row in await Category.all()}
