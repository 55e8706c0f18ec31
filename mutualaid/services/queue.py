"""The coordinators' queue, as SQL: open and matched needs, newest-urgent first, with a count
beside every filter value.

Nothing here recounts the whole queue: the counts come from the tally (services.queue_tally,
a few thousand rows whatever the number of needs) and, for ages, from the last week's needs
read off an index; a page reads one urgency band at a time, in index order, only as far as
the page goes.

No community member's words are read here: the queue shows categories, areas, urgency and
age, and a coordinator opens a need (which is audited) to read what was written.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from tortoise.expressions import Case, RawSQL, When
from tortoise.functions import Sum
from tortoise.queryset import QuerySet

from mutualaid.domain.catalog import category_label
from mutualaid.domain.match_rules import OPEN as OPEN_MATCH
from mutualaid.domain.match_rules import MatchStatus
from mutualaid.domain.needs import NeedStatus, Urgency
from mutualaid.domain.queue import (
    FACETS,
    PAGE_SIZE,
    PLACE_FIELDS,
    QUEUE_STATUSES,
    URGENCY_ORDER,
    AgeBand,
    Pagination,
    QueueFilters,
    age_band_bounds,
    age_hours,
    paginate,
)
from mutualaid.services.catalog import Choice
from mutualaid.storage.models import Area, Category, Match, Message, Need
from mutualaid.storage.queries import queue_facet_totals


@dataclass(frozen=True)
class QueueChoices:
    """Every category and area a need can be in (inactive ones too: their needs remain)."""

    categories: list[Choice]
    areas: list[Choice]
    category_ids: dict[str, uuid.UUID]
    area_ids: dict[str, uuid.UUID]
    #: id -> (slug, label), to name the rows and counts without a join.
    category_by_id: dict[uuid.UUID, Choice]
    area_by_id: dict[uuid.UUID, Choice]


async def queue_choices() -> QueueChoices:
    categories = await Category.all().order_by("position", "slug")
    areas = await Area.all().order_by("position", "name")
    category_by_id = {c.id: Choice(c.slug, category_label(c.slug, c.name)) for c in categories}
    area_by_id = {a.id: Choice(a.slug, a.name) for a in areas}
    return QueueChoices(
        categories=list(category_by_id.values()),
        areas=list(area_by_id.values()),
        category_ids={c.slug: c.id for c in categories},
        area_ids={a.slug: a.id for a in areas},
        category_by_id=category_by_id,
        area_by_id=area_by_id,
    )


@dataclass(frozen=True)
class QueueRow:
    """One need in the queue: facts for triage, never anyone's words."""

    id: uuid.UUID
    status: NeedStatus
    urgency: Urgency
    window_start: date | None
    window_end: date | None
    category: str
    area: str
    language: str
    created_at: datetime
    age_hours: int
    #: proposed | accepted, for a matched need.
    match_status: MatchStatus | None
    #: The thread's last word is the member's: someone should answer.
    awaiting_reply: bool

    @property
    def reference(self) -> str:
        """A short handle coordinators can say to each other (not a secret, not guessable
        into anything: the full random id is still what the link carries)."""
        return self.id.hex[:8]


@dataclass(frozen=True)
class QueuePage:
    rows: list[QueueRow]
    pagination: Pagination
    #: facet -> value -> how many needs that value would show, the other filters kept.
    counts: dict[str, dict[str, int]]


QUEUED = [s.value for s in QUEUE_STATUSES]
#: What a page reads of each need: facts for triage, never anyone's words.
ROW_FIELDS = (
    "id",
    "status",
    "urgency",
    "window_start",
    "window_end",
    "language",
    "created_at",
    "category_id",
    "area_id",
)


@dataclass(frozen=True)
class Posted:
    """A range of posting times, `after < created_at <= until`; None leaves that end open."""

    after: datetime | None = None
    until: datetime | None = None


def _wanted(filters: QueueFilters, choices: QueueChoices) -> dict[str, object]:
    """The non-age filters, as the values stored (category and area by id)."""
    values: dict[str, object] = {
        "status": filters.status.value if filters.status else None,
        "urgency": filters.urgency.value if filters.urgency else None,
        "category": choices.category_ids[filters.category] if filters.category else None,
        "area": choices.area_ids[filters.area] if filters.area else None,
        "language": filters.language,
    }
    return {facet: value for facet, value in values.items() if value is not None}


def _needs(wanted: dict[str, object], posted: Posted) -> QuerySet[Need]:
    """The queue's needs passing these filters, posted in this range."""
    query = Need.filter(status__in=QUEUED)
    for facet, value in wanted.items():
        query = query.filter(**{PLACE_FIELDS[facet]: value})
    if posted.after is not None:
        query = query.filter(created_at__gt=posted.after)
    if posted.until is not None:
        query = query.filter(created_at__lte=posted.until)
    return query


Counts = dict[str, dict[str, int]]


def _minus(counts: Counts, part: Counts) -> Counts:
    left: Counts = {}
    for facet, values in counts.items():
        taken = part.get(facet, {})
        left[facet] = {v: n - taken.get(v, 0) for v, n in values.items() if n > taken.get(v, 0)}
    return left


def _shown(counts: Counts, wanted: dict[str, object]) -> int:
    """How many needs pass every filter, read off the status counts."""
    status = counts["status"]
    return status.get(str(wanted["status"]), 0) if "status" in wanted else sum(status.values())


async def _age_counts(wanted: dict[str, object], shown: int, now: datetime) -> dict[str, int]:
    """Needs per age band under the other filters: the recent bands counted in one pass over
    the last week of needs (an index range), the oldest band as the rest of `shown`."""
    recent = [band for band in AgeBand if band is not AgeBand.OLDER]
    week = Posted(after=age_band_bounds(recent[-1], now)[0])
    # Per band, the needs posted after its lower bound; a band is that minus younger bands.
    # The 1 and 0 are SQL, not parameters, which PostgreSQL could not type.
    since = {
        band.value: Sum(
            Case(  # type: ignore[arg-type]
                When(created_at__gt=age_band_bounds(band, now)[0], then=RawSQL("1")),  # type: ignore[arg-type]
                default=RawSQL("0"),  # type: ignore[arg-type]
            )
        )
        for band in recent
    }
    row = (await _needs(wanted, week).annotate(**since).values(*since))[0]
    bands: dict[str, int] = {}
    younger = 0
    for band in recent:
        cumulative = int(row[band.value] or 0)
        if cumulative > younger:
            bands[band.value] = cumulative - younger
        younger = cumulative
    if (older := shown - younger) > 0:
        bands[AgeBand.OLDER.value] = older
    return bands


async def _counts(
    filters: QueueFilters, choices: QueueChoices, *, now: datetime
) -> tuple[Counts, dict[str, int]]:
    """Per filter value (category and area by id), how many needs choosing it would show with
    the other filters kept; and the same for the age bands."""
    wanted = _wanted(filters, choices)
    counts = await queue_facet_totals(wanted)
    ages = await _age_counts(wanted, _shown(counts, wanted), now)
    if filters.age is AgeBand.OLDER:
        # Within the oldest band only: the tally without the recent needs.
        _unused, recent_after = age_band_bounds(AgeBand.OLDER, now)
        counts = _minus(counts, await queue_facet_totals(wanted, posted=(recent_after, None)))
    elif filters.age is not None:
        counts = await queue_facet_totals(wanted, posted=age_band_bounds(filters.age, now))
    return counts, ages


def _named(
    counts: Counts, ages: dict[str, int], choices: QueueChoices
) -> dict[str, dict[str, int]]:
    """Counts keyed as the form's values: slugs for category and area."""
    names: dict[str, dict[str, Choice]] = {
        "category": {str(k): v for k, v in choices.category_by_id.items()},
        "area": {str(k): v for k, v in choices.area_by_id.items()},
    }
    named: dict[str, dict[str, int]] = {}
    for facet in FACETS:
        if facet == "age":
            named[facet] = ages
            continue
        by_id = names.get(facet)
        named[facet] = {
            (by_id[value].value if value in by_id else "") if by_id else str(value): n
            for value, n in counts[facet].items()
        }
    return named


async def _page_rows(
    wanted: dict[str, object], posted: Posted, sizes: dict[Any, int], offset: int
) -> list[dict[str, Any]]:
    """One page, newest-urgent first: one query per urgency band the page reaches, each
    reading only its rows in idx_need_queue_order (the band sizes give the offsets)."""
    rows: list[dict[str, Any]] = []
    for urgency in URGENCY_ORDER:
        size = sizes.get(urgency.value, 0)
        if offset >= size:
            offset -= size
            continue
        rows += (
            await _needs({**wanted, "urgency": urgency.value}, posted)
            .order_by("-created_at", "id")
            .offset(offset)
            .limit(PAGE_SIZE - len(rows))
            .values(*ROW_FIELDS)
        )
        offset = 0
        if len(rows) >= PAGE_SIZE:
            break
    return rows


async def queue_page(
    filters: QueueFilters, choices: QueueChoices, *, page: int, now: datetime
) -> QueuePage:
    """One page of the queue, newest-urgent first, and the counts for every filter."""
    counts, ages = await _counts(filters, choices, now=now)
    wanted = _wanted(filters, choices)
    pagination = paginate(_shown(counts, wanted), page)
    posted = Posted(*age_band_bounds(filters.age, now)) if filters.age else Posted()
    sizes = counts["urgency"]
    if filters.urgency is not None:
        sizes = {filters.urgency.value: pagination.total}
    rows = await _page_rows(wanted, posted, sizes, pagination.offset)
    ids = [row["id"] for row in rows]
    matches = dict(
        await Match.filter(need_id__in=ids, status__in=[s.value for s in OPEN_MATCH]).values_list(
            "need_id", "status"
        )
    )
    last_author: dict[uuid.UUID, str] = {}
    # Roles only, in thread order: the bodies stay encrypted and unread.
    for need_id, role in (
        await Message.filter(need_id__in=ids).order_by("seq").values_list("need_id", "author_role")
    ):
        last_author[need_id] = role
    return QueuePage(
        rows=[
            QueueRow(
                id=row["id"],
                status=NeedStatus(row["status"]),
                urgency=Urgency(row["urgency"]),
                window_start=row["window_start"],
                window_end=row["window_end"],
                category=choices.category_by_id[row["category_id"]].label,
                area=choices.area_by_id[row["area_id"]].label,
                language=row["language"],
                created_at=row["created_at"],
                age_hours=age_hours(row["created_at"], now),
                match_status=MatchStatus(matches[row["id"]]) if row["id"] in matches else None,
                awaiting_reply=last_author.get(row["id"]) == "member",
            )
            for row in rows
        ],
        pagination=pagination,
        counts=_named(counts, ages, choices),
    )
