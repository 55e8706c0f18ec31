"""Narrow queries, named after the question they answer."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from tortoise.functions import Count

from mutualaid.domain.matching import HardFilters, OfferFacts
from mutualaid.domain.queue import PLACE_FIELDS, QUEUE_STATUSES
from mutualaid.storage.db import connection
from mutualaid.storage.models import Match

OPEN_MATCH_STATUSES = ("proposed", "accepted")


class _Params:
    """Positional parameters for hand-written SQL, in the connection's own style."""

    def __init__(self, dialect: str) -> None:
        self.sqlite = dialect == "sqlite"
        self.values: list[object] = []

    def __call__(self, value: object) -> str:
        if self.sqlite and isinstance(value, uuid.UUID):
            value = str(value)  # how Tortoise stores a UUID on SQLite
        elif self.sqlite and type(value) is date:
            value = value.isoformat()  # how Tortoise stores a date on SQLite
        self.values.append(value)
        return "?" if self.sqlite else f"${len(self.values)}"


def _uuid(value: Any) -> uuid.UUID:
    # SQLite gives back the text form; asyncpg its own uuid.UUID subclass.
    return value if isinstance(value, uuid.UUID) else uuid.UUID(value)


def _optional_uuid(value: Any) -> uuid.UUID | None:
    return None if value is None else _uuid(value)


def _date(value: Any) -> date:
    return value if isinstance(value, date) else date.fromisoformat(value)


@dataclass(frozen=True)
class NeedPlace:
    """What the hard filters read of a need, with its area's neighbours."""

    category_id: uuid.UUID
    area_id: uuid.UUID
    neighbour_ids: frozenset[uuid.UUID]
    urgency: str
    window_start: date | None
    window_end: date | None


async def need_place(need_id: uuid.UUID) -> NeedPlace | None:
    """A need's matching facts and its area's neighbours, in one round trip (None if gone).

    Only these columns: the member's words stay encrypted and unread.
    """
    conn = connection()
    param = _Params(conn.capabilities.dialect)
    # Our constants and one parameter mark: no value is ever spliced in.
    statement = (
        'SELECT n."category_id", n."area_id", n."urgency", n."window_start", n."window_end", '  # noqa: S608 # nosec B608
        'an."neighbour_id" FROM "need" n '
        'LEFT JOIN "area_neighbour" an ON an."area_id" = n."area_id" '
        f'WHERE n."id" = {param(need_id)}'
    )
    # nosemgrep: mutualaid-sql-built-from-strings
    _, rows = await conn.execute_query(statement, param.values)
    if not rows:
        return None
    category_id, area_id, urgency, start, end, _ = tuple(rows[0])
    return NeedPlace(
        category_id=_uuid(category_id),
        area_id=_uuid(area_id),
        neighbour_ids=frozenset(_uuid(row[5]) for row in rows if row[5] is not None),
        urgency=urgency,
        window_start=None if start is None else _date(start),
        window_end=None if end is None else _date(end),
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

    `HardFilters.admits` as SQL: the same conditions, in the same order (the agreement test
    holds them together). Hand-written rather than built by the ORM because this runs for
    every need a coordinator opens: the ORM's query building and row conversion cost more
    than the database's work here.

    Each offer's `area_ids` are the ones among `area_ids` it serves: all that the hard
    filters and the ranking look at. They come from the same join that filters on them, so
    there is no second query; with several areas an offer is one row per area it serves
    here, and `limit` counts those rows (its last offer may then list fewer of its areas).
    """
    if not area_ids:
        return []
    conn = connection()
    param = _Params(conn.capabilities.dialect)
    where = [
        f'o."category_id" = {param(filters.category_id)}',
        "o.\"status\" = 'active'",
        'o."capacity_left" > 0',
        f'o."available_from" <= {param(filters.window_end)}',
        f'(o."available_until" IS NULL OR o."available_until" >= {param(filters.window_start)})',
        f'(o."open_days" = 0 OR (o."open_days" & {param(filters.window_days)}) <> 0)',
        '(o."organization_id" IS NULL OR org."status" = \'approved\')',
        f'oa."area_id" IN ({", ".join(param(area) for area in sorted(area_ids))})',
    ]
    if offer_id is not None:
        where.append(f'o."id" = {param(offer_id)}')
    # idx_offer_admitted's order: the database stops after `limit` rows.
    tail = 'ORDER BY o."available_from", o."id"'
    if limit is not None:
        tail += f" LIMIT {int(limit)}"
    # Identifiers are our own constants; every value is a parameter (`limit` an int).
    statement = (
        'SELECT o."id", o."category_id", o."status", o."capacity_left", o."available_from", '  # noqa: S608 # nosec B608
        'o."available_until", o."open_days", o."organization_id", org."status", org."name", '
        'oa."area_id" FROM "offer" o '
        'JOIN "offer_area" oa ON oa."offer_id" = o."id" '
        'LEFT JOIN "organization" org ON org."id" = o."organization_id" '
        f"WHERE {' AND '.join(where)} {tail}"
    )
    # nosemgrep: mutualaid-sql-built-from-strings
    _, rows = await conn.execute_query(statement, param.values)
    served: dict[uuid.UUID, set[uuid.UUID]] = {}
    first: dict[uuid.UUID, tuple[Any, ...]] = {}
    for row in rows:
        values = tuple(row)
        offer = _uuid(values[0])
        first.setdefault(offer, values)
        served.setdefault(offer, set()).add(_uuid(values[10]))
    return [_facts(offer, row, frozenset(served[offer])) for offer, row in first.items()]


def _facts(offer: uuid.UUID, row: tuple[Any, ...], area_ids: frozenset[uuid.UUID]) -> OfferFacts:
    _, category, status, left, start, until, days, organization, org_status, org_name, _ = row
    return OfferFacts(
        id=offer,
        category_id=_uuid(category),
        status=status,
        capacity_left=left,
        organization_status=org_status,
        area_ids=area_ids,
        available_from=_date(start),
        available_until=None if until is None else _date(until),
        open_days=days,
        organization_id=_optional_uuid(organization),
        organization_name=org_name or "",
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
    param = _Params(conn.capabilities.dialect)

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
    _, rows = await conn.execute_query(statement, param.values)
    totals: dict[str, dict[str, int]] = {facet: {} for facet in PLACE_FIELDS}
    for facet, value, n in (tuple(row) for row in rows):
        if n:
            totals[facet][value] = int(n)
    return totals
