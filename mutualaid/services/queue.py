"""The coordinators' queue, as SQL: open and matched needs, newest-urgent first, with a count
beside every filter value.

No community member's words are read here: the queue shows categories, areas, urgency and
age, and a coordinator opens a need (which is audited) to read what was written.
"""

from __future__ import annotations

import uuid
from collections import Counter as Tally
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from tortoise.expressions import Case, When
from tortoise.functions import Count
from tortoise.queryset import QuerySet

from mutualaid.domain.catalog import category_label
from mutualaid.domain.match_rules import OPEN as OPEN_MATCH
from mutualaid.domain.match_rules import MatchStatus
from mutualaid.domain.needs import URGENCY_RANK, NeedStatus, Urgency
from mutualaid.domain.queue import (
    FACETS,
    PAGE_SIZE,
    QUEUE_STATUSES,
    Pagination,
    QueueFilters,
    age_band_bounds,
    age_band_of,
    age_hours,
    paginate,
)
from mutualaid.services.catalog import Choice
from mutualaid.storage.models import Area, Category, Match, Message, Need


@dataclass(frozen=True)
class QueueChoices:
    """Every category and area a need can be in (inactive ones too: their needs remain)."""

    categories: list[Choice]
    areas: list[Choice]
    category_ids: dict[str, uuid.UUID]
    area_ids: dict[str, uuid.UUID]


async def queue_choices() -> QueueChoices:
    categories = await Category.all().order_by("position", "slug")
    areas = await Area.all().order_by("position", "name")
    return QueueChoices(
        categories=[Choice(c.slug, category_label(c.slug, c.name)) for c in categories],
        areas=[Choice(a.slug, a.name) for a in areas],
        category_ids={c.slug: c.id for c in categories},
        area_ids={a.slug: a.id for a in areas},
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


#: The queue's column for each filter (category and area are compared by id).
COLUMNS = {
    "status": "status",
    "urgency": "urgency",
    "category": "category_id",
    "area": "area_id",
    "language": "language",
}


def _filtered(filters: QueueFilters, choices: QueueChoices, *, now: datetime) -> QuerySet[Need]:
    query = Need.filter(status__in=[s.value for s in QUEUE_STATUSES])
    if filters.status is not None:
        query = query.filter(status=filters.status.value)
    if filters.urgency is not None:
        query = query.filter(urgency=filters.urgency.value)
    if filters.category is not None:
        query = query.filter(category_id=choices.category_ids[filters.category])
    if filters.area is not None:
        query = query.filter(area_id=choices.area_ids[filters.area])
    if filters.language is not None:
        query = query.filter(language=filters.language)
    if filters.age is not None:
        after, until = age_band_bounds(filters.age, now)
        query = query.filter(created_at__lte=until)
        if after is not None:
            query = query.filter(created_at__gt=after)
    return query


def _urgency_rank() -> Case:
    """URGENCY_RANK as SQL, so the database sorts and pages exactly as the domain says."""
    return Case(
        *(When(urgency=u.value, then=str(rank)) for u, rank in URGENCY_RANK.items()),
        default=str(len(URGENCY_RANK)),
    )


async def _counts(
    filters: QueueFilters, choices: QueueChoices, *, now: datetime
) -> dict[str, dict[str, int]]:
    """Per filter value: how many needs choosing it would show, with the other filters kept."""
    slugs = {
        "category": {v: k for k, v in choices.category_ids.items()},
        "area": {v: k for k, v in choices.area_ids.items()},
    }
    counts: dict[str, dict[str, int]] = {}
    for facet in FACETS:
        query = _filtered(filters.without(facet), choices, now=now)
        if facet == "age":
            # Times are whole hours, so there are few distinct values to bucket here.
            rows = (
                await query.annotate(n=Count("id")).group_by("created_at").values("created_at", "n")
            )
            tally: Tally[str] = Tally()
            for row in rows:
                tally[age_band_of(row["created_at"], now).value] += int(row["n"])
            counts[facet] = dict(tally)
            continue
        column = COLUMNS[facet]
        rows = await query.annotate(n=Count("id")).group_by(column).values(column, "n")
        names = slugs.get(facet)
        counts[facet] = {
            (names.get(row[column], "") if names else str(row[column])): int(row["n"])
            for row in rows
        }
    return counts


async def queue_page(
    filters: QueueFilters, choices: QueueChoices, *, page: int, now: datetime
) -> QueuePage:
    """One page of the queue, newest-urgent first, and the counts for every filter."""
    query = _filtered(filters, choices, now=now)
    pagination = paginate(await query.count(), page)
    rows: list[dict[str, Any]] = (
        await query.annotate(urgency_rank=_urgency_rank())
        .order_by("urgency_rank", "-created_at", "id")
        .offset(pagination.offset)
        .limit(PAGE_SIZE)
        .values(
            "id",
            "status",
            "urgency",
            "window_start",
            "window_end",
            "language",
            "created_at",
            "category__slug",
            "category__name",
            "area__name",
        )
    )
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
                category=category_label(row["category__slug"], row["category__name"]),
                area=row["area__name"],
                language=row["language"],
                created_at=row["created_at"],
                age_hours=age_hours(row["created_at"], now),
                match_status=MatchStatus(matches[row["id"]]) if row["id"] in matches else None,
                awaiting_reply=last_author.get(row["id"]) == "member",
            )
            for row in rows
        ],
        pagination=pagination,
        counts=await _counts(filters, choices, now=now),
    )
