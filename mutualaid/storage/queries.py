"""Narrow queries, named after the question they answer."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from tortoise.expressions import Q
from tortoise.functions import Count
from tortoise.queryset import QuerySet

from mutualaid.domain.matching import HardFilters, OfferFacts
from mutualaid.domain.queue import PLACE_FIELDS, QUEUE_STATUSES
from mutualaid.storage.db import connection
from mutualaid.storage.models import Match, Offer

OPEN_MATCH_STATUSES = ("proposed", "accepted")


def _admitted(filters: HardFilters) -> QuerySet[Offer]:
    """`HardFilters.admits`, as SQL: the same conditions, in the same order."""
    return (
        Offer.filter(
            category_id=filters.category_id,
            status="active",
            capacity_left__gt=0,
            available_from__lte=filters.window_end,
            open_days__in=filters.open_day_values(),
        )
        .filter(Q(organization_id__isnull=True) | Q(organization__status="approved"))
        .filter(Q(available_until__isnull=True) | Q(available_until__gte=filters.window_start))
    )


#: What the hard filters and the ranking read of an offer (OfferFacts, but its areas).
_FACTS = (
    "id",
    "category_id",
    "status",
    "capacity_left",
    "available_from",
    "available_until",
    "open_days",
    "organization_id",
    "organization__status",
    "organization__name",
)


async def offers_admitted_by(
    filters: HardFilters,
    *,
    area_ids: frozenset[uuid.UUID],
    limit: int | None = None,
    offer_id: uuid.UUID | None = None,
) -> list[OfferFacts]:
    """Offers that pass the hard filters and serve one of `area_ids`, soonest first (only
    `offer_id`, when given).

    Each offer's `area_ids` are the ones among `area_ids` it serves: all that the hard
    filters and the ranking look at. They come from the same join that filters on them, so
    there is no second query; with several areas an offer is one row per area it serves
    here, and `limit` counts those rows (its last offer may then list fewer of its areas).
    """
    query = (
        _admitted(filters)
        .filter(areas__id__in=list(area_ids))
        # idx_offer_admitted's order: the database stops after `limit` rows.
        .order_by("available_from", "id")
    )
    if offer_id is not None:
        query = query.filter(id=offer_id)
    if limit is not None:
        query = query.limit(limit)
    if len(area_ids) == 1:
        rows = await query.values(*_FACTS)
        return [_facts(row, area_ids) for row in rows]
    served: dict[uuid.UUID, set[uuid.UUID]] = {}
    first: dict[uuid.UUID, dict[str, Any]] = {}
    for row in await query.values(*_FACTS, "areas__id"):
        first.setdefault(row["id"], row)
        served.setdefault(row["id"], set()).add(row["areas__id"])
    return [_facts(row, frozenset(served[offer])) for offer, row in first.items()]


def _facts(row: dict[str, Any], area_ids: frozenset[uuid.UUID]) -> OfferFacts:
    return OfferFacts(
        id=row["id"],
        category_id=row["category_id"],
        status=row["status"],
        capacity_left=row["capacity_left"],
        organization_status=row["organization__status"],
        area_ids=area_ids,
        available_from=row["available_from"],
        available_until=row["available_until"],
        open_days=row["open_days"],
        organization_id=row["organization_id"],
        organization_name=row["organization__name"] or "",
    )


async def open_match_counts(organization_ids: set[uuid.UUID]) -> dict[uuid.UUID, int]:
    """How many matches each organization is working on now (to spread the work)."""
    if not organization_ids:
        return {}
    rows = (
        await Match.filter(
            organization_id__in=list(organization_ids), status__in=OPEN_MATCH_STATUSES
        )
        .annotate(n=Count("id"))
        .group_by("organization_id")
        .values("organization_id", "n")
    )
    return {row["organization_id"]: int(row["n"]) for row in rows}


async def queue_facet_totals(
    wanted: dict[str, object],
    *,
    posted: tuple[datetime | None, datetime | None] | None = None,
) -> dict[str, dict[str, int]]:
    """Per queue filter (PLACE_FIELDS) and value, as text: how many needs pass every `wanted`
    filter but that one's own. From the tally (a few thousand rows) when `posted` is None;
    else counted from the queue's needs posted in `after < created_at <= until`, which
    idx_need_recent answers on its own for a recent range.

    One statement (a UNION ALL of one GROUP BY per filter), so a page pays one round trip.
    """
    conn = connection()
    sqlite = conn.capabilities.dialect == "sqlite"
    params: list[object] = []

    def param(value: object) -> str:
        if isinstance(value, uuid.UUID) and sqlite:
            value = str(value)  # how Tortoise stores a UUID on SQLite
        params.append(value)
        return "?" if sqlite else f"${len(params)}"

    parts = []
    for facet, column in PLACE_FIELDS.items():
        if posted is None:
            table, total, where = "queue_tally", 'SUM("n")', ['"n" > 0']
        else:
            after, until = posted
            statuses = ", ".join(param(s.value) for s in QUEUE_STATUSES)
            table, total, where = "need", "COUNT(*)", [f'"status" IN ({statuses})']
            if after is not None:
                where.append(f'"created_at" > {param(after)}')
            if until is not None:
                where.append(f'"created_at" <= {param(until)}')
        where += [
            f'"{PLACE_FIELDS[other]}" = {param(value)}'
            for other, value in wanted.items()
            if other != facet
        ]
        # Identifiers are our own constants; every value is a parameter.
        parts.append(
            f'SELECT \'{facet}\', CAST("{column}" AS TEXT), {total} FROM "{table}" '  # noqa: S608 # nosec B608
            f'WHERE {" AND ".join(where)} GROUP BY "{column}"'
        )
    statement = " UNION ALL ".join(parts)
    # Each part is checked above: our constants and parameter marks only.
    # nosemgrep: mutualaid-sql-built-from-strings
    _, rows = await conn.execute_query(statement, params)
    totals: dict[str, dict[str, int]] = {facet: {} for facet in PLACE_FIELDS}
    for facet, value, n in (tuple(row) for row in rows):
        if n:
            totals[facet][value] = int(n)
    return totals
