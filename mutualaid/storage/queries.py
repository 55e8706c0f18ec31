"""Narrow queries, named after the question they answer."""

from __future__ import annotations

import uuid
from collections import defaultdict

from tortoise.expressions import Q, Subquery
from tortoise.functions import Count
from tortoise.queryset import QuerySet

from mutualaid.domain.matching import HardFilters, OfferFacts
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


async def offers_admitted_by(
    filters: HardFilters, *, area_ids: frozenset[uuid.UUID], limit: int | None = None
) -> list[OfferFacts]:
    """Offers that pass the hard filters and serve one of `area_ids`, soonest first."""
    query = _admitted(filters).filter(id__in=_serving(area_ids)).order_by("available_from", "id")
    if limit is not None:
        query = query.limit(limit)
    rows = await query.values(
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
    areas: dict[uuid.UUID, set[uuid.UUID]] = defaultdict(set)
    if rows:
        pairs = await Offer.filter(id__in=[r["id"] for r in rows]).values_list("id", "areas__id")
        for offer_id, area_id in pairs:
            if area_id is not None:
                areas[offer_id].add(area_id)
    return [
        OfferFacts(
            id=row["id"],
            category_id=row["category_id"],
            status=row["status"],
            capacity_left=row["capacity_left"],
            organization_status=row["organization__status"],
            area_ids=frozenset(areas[row["id"]]),
            available_from=row["available_from"],
            available_until=row["available_until"],
            open_days=row["open_days"],
            organization_id=row["organization_id"],
            organization_name=row["organization__name"] or "",
        )
        for row in rows
    ]


def _serving(area_ids: frozenset[uuid.UUID]) -> Subquery:
    return Subquery(Offer.filter(areas__id__in=list(area_ids)).values("id"))


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
