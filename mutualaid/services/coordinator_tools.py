"""Coordinators' tools: areas (with their neighbours), categories, and what the purge job
deletes next.

Every change writes an audit event naming the staff member and the record id (promise 8).
Nothing here is ever deleted: an area or category is deactivated, so the needs and offers
that use it (and the counters that name it) keep making sense.
"""

from __future__ import annotations

import re
import unicodedata
import uuid
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.exceptions import IntegrityError
from tortoise.functions import Count
from tortoise.transactions import in_transaction

from mutualaid.domain import needs as need_rules
from mutualaid.domain.catalog import BUILTIN_CATEGORIES, OfferStatus, category_label
from mutualaid.domain.errors import DomainError, UnknownChoice
from mutualaid.services import audit
from mutualaid.storage.models import Area, AuditEvent, Category, Need, Offer

MAX_SLUG_CHARS = 60
SLUG_SHAPE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
#: How far ahead the "purging soon" view looks.
PURGE_HORIZON_DAYS = 7
#: At most this many records are listed one by one (the counts always cover everything).
PURGE_LIST_LIMIT = 500


class UnknownRecord(DomainError):
    """There is no area or category with that id."""


class SlugTaken(DomainError):
    """Each area and category has its own short name: it is what counters are keyed on."""


class LastActive(DomainError):
    """At least one area and one category stay active, so people can always ask for help."""


class BuiltinCategory(DomainError):
    """Built-in categories are named by translation, so coordinators can't rename them."""


def derive_slug(name: str) -> str:
    """A short name from a display name: `Old Town East` -> `old-town-east` ("" if none)."""
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-")
    return slug[:MAX_SLUG_CHARS].strip("-")


async def _uses(column: str) -> dict[uuid.UUID, int]:
    """How many needs use each area or category (a count, nothing about the needs)."""
    rows = await Need.annotate(n=Count("id")).group_by(column).values_list(column, "n")
    return {key: int(n) for key, n in rows}


# --- Areas -------------------------------------------------------------------------------


@dataclass(frozen=True)
class AreaRow:
    id: uuid.UUID
    slug: str
    name: str
    group: str
    active: bool
    #: Neighbours' slugs and names, in the areas' own order.
    neighbour_slugs: tuple[str, ...]
    neighbour_names: tuple[str, ...]
    needs: int


@dataclass(frozen=True)
class AreaDraft:
    name: str
    group: str
    neighbours: tuple[str, ...]


async def _neighbour_map() -> dict[uuid.UUID, set[uuid.UUID]]:
    """Each area's neighbours, either way round (older data may hold one direction only)."""
    pairs: dict[uuid.UUID, set[uuid.UUID]] = {}
    for area in await Area.all().prefetch_related("neighbours"):
        for other in area.neighbours:
            pairs.setdefault(area.id, set()).add(other.id)
            pairs.setdefault(other.id, set()).add(area.id)
    return pairs


async def list_areas() -> list[AreaRow]:
    areas = await Area.all().order_by("position", "name")
    pairs = await _neighbour_map()
    uses = await _uses("area_id")
    rows = []
    for area in areas:
        near = [a for a in areas if a.id in pairs.get(area.id, set())]
        rows.append(
            AreaRow(
                id=area.id,
                slug=area.slug,
                name=area.name,
                group=area.group,
                active=area.active,
                neighbour_slugs=tuple(a.slug for a in near),
                neighbour_names=tuple(a.name for a in near),
                needs=uses.get(area.id, 0),
            )
        )
    return rows


async def area_row(area_id: uuid.UUID) -> AreaRow:
    for row in await list_areas():
        if row.id == area_id:
            return row
    raise UnknownRecord()


async def area_groups() -> list[str]:
    """The report groups in use, for suggestions in the form."""
    # Ordered by the selected column itself: PostgreSQL refuses DISTINCT with other ORDER BYs.
    groups = await Area.all().order_by("group").distinct().values_list("group", flat=True)
    return sorted({str(g) for g in groups})


async def _neighbour_areas(
    conn: BaseDBAsyncClient, slugs: tuple[str, ...], *, itself: uuid.UUID | None
) -> list[Area]:
    wanted = set(slugs)
    areas = await Area.filter(slug__in=sorted(wanted)).using_db(conn)
    if len(areas) != len(wanted) or any(a.id == itself for a in areas):
        raise UnknownChoice("neighbours")
    return list(areas)


async def _set_neighbours(conn: BaseDBAsyncClient, area: Area, wanted: list[Area]) -> None:
    """Neighbours are symmetric: A next to B means B next to A, saved both ways."""
    keep = {a.id for a in wanted}
    listed = Area.filter(neighbour_of__id=area.id).using_db(conn)
    listing = Area.filter(neighbours__id=area.id).using_db(conn)
    current = set(await listed.values_list("id", flat=True))
    current |= set(await listing.values_list("id", flat=True))
    gone = await Area.filter(id__in=current - keep).using_db(conn)
    if gone:
        await area.neighbours.remove(*gone, using_db=conn)
        for other in gone:
            await other.neighbours.remove(area, using_db=conn)
    if wanted:
        await area.neighbours.add(*wanted, using_db=conn)
        for other in wanted:
            await other.neighbours.add(area, using_db=conn)


async def create_area(draft: AreaDraft, *, slug: str, by: uuid.UUID) -> uuid.UUID:
    """A new, active area at the end of the list (SlugTaken, UnknownChoice)."""
    try:
        async with in_transaction() as conn:
            if await Area.filter(slug=slug).using_db(conn).exists():
                raise SlugTaken()
            neighbours = await _neighbour_areas(conn, draft.neighbours, itself=None)
            last = await Area.all().using_db(conn).order_by("-position").first()
            area = await Area.create(
                slug=slug,
                name=draft.name,
                group=draft.group,
                position=(last.position + 1) if last else 0,
                using_db=conn,
            )
            await _set_neighbours(conn, area, neighbours)
            await audit.record(
                conn, staff_id=by, action="area.create", record_type="area", record_id=area.id
            )
    except IntegrityError as error:  # taken by someone else in the meantime
        raise SlugTaken() from error
    return area.id


async def update_area(area_id: uuid.UUID, draft: AreaDraft, *, by: uuid.UUID) -> None:
    """Name, report group and neighbours; the short name never changes (UnknownRecord,
    UnknownChoice)."""
    async with in_transaction() as conn:
        area = await Area.filter(id=area_id).select_for_update().using_db(conn).first()
        if area is None:
            raise UnknownRecord()
        neighbours = await _neighbour_areas(conn, draft.neighbours, itself=area.id)
        area.name = draft.name
        area.group = draft.group
        await area.save(using_db=conn, update_fields=["name", "group"])
        await _set_neighbours(conn, area, neighbours)
        await audit.record(
            conn, staff_id=by, action="area.update", record_type="area", record_id=area.id
        )


async def set_area_active(area_id: uuid.UUID, *, active: bool, by: uuid.UUID) -> bool:
    """Deactivate (hidden from every form, kept for the needs that use it) or reactivate.

    Returns False when it already was so; LastActive for the last active area.
    """
    async with in_transaction() as conn:
        area = await Area.filter(id=area_id).select_for_update().using_db(conn).first()
        if area is None:
            raise UnknownRecord()
        if area.active == active:
            return False
        if (
            not active
            and not await Area.filter(active=True, id__not=area.id).using_db(conn).exists()
        ):
            raise LastActive()
        area.active = active
        await area.save(using_db=conn, update_fields=["active"])
        action = "area.reactivate" if active else "area.deactivate"
        await audit.record(conn, staff_id=by, action=action, record_type="area", record_id=area.id)
    return True


# --- Categories --------------------------------------------------------------------------


@dataclass(frozen=True)
class CategoryRow:
    id: uuid.UUID
    slug: str
    #: The translated label of a built-in, or the coordinators' own name.
    label: str
    name: str
    builtin: bool
    active: bool
    needs: int


async def list_categories() -> list[CategoryRow]:
    uses = await _uses("category_id")
    return [
        CategoryRow(
            id=row.id,
            slug=row.slug,
            label=category_label(row.slug, row.name),
            name=row.name,
            builtin=row.slug in BUILTIN_CATEGORIES,
            active=row.active,
            needs=uses.get(row.id, 0),
        )
        for row in await Category.all().order_by("position", "slug")
    ]


async def create_category(name: str, *, slug: str, by: uuid.UUID) -> uuid.UUID:
    """A custom category, active, at the end of the list (SlugTaken)."""
    if slug in BUILTIN_CATEGORIES:
        raise SlugTaken()
    try:
        async with in_transaction() as conn:
            if await Category.filter(slug=slug).using_db(conn).exists():
                raise SlugTaken()
            last = await Category.all().using_db(conn).order_by("-position").first()
            category = await Category.create(
                slug=slug, name=name, position=(last.position + 1) if last else 0, using_db=conn
            )
            await audit.record(
                conn,
                staff_id=by,
                action="category.create",
                record_type="category",
                record_id=category.id,
            )
    except IntegrityError as error:
        raise SlugTaken() from error
    return category.id


async def _locked_category(conn: BaseDBAsyncClient, category_id: uuid.UUID) -> Category:
    category = await Category.filter(id=category_id).select_for_update().using_db(conn).first()
    if category is None:
        raise UnknownRecord()
    return category


async def rename_category(category_id: uuid.UUID, name: str, *, by: uuid.UUID) -> None:
    """Custom categories only; the short name (and so every counter) stays."""
    async with in_transaction() as conn:
        category = await _locked_category(conn, category_id)
        if category.slug in BUILTIN_CATEGORIES:
            raise BuiltinCategory()
        category.name = name
        await category.save(using_db=conn, update_fields=["name"])
        await audit.record(
            conn,
            staff_id=by,
            action="category.rename",
            record_type="category",
            record_id=category.id,
        )


async def set_category_active(category_id: uuid.UUID, *, active: bool, by: uuid.UUID) -> bool:
    """Deactivate (hidden from every form) or reactivate; False when it already was so."""
    async with in_transaction() as conn:
        category = await _locked_category(conn, category_id)
        if category.active == active:
            return False
        others = Category.filter(active=True, id__not=category.id).using_db(conn)
        if not active and not await others.exists():
            raise LastActive()
        category.active = active
        await category.save(using_db=conn, update_fields=["active"])
        action = "category.reactivate" if active else "category.deactivate"
        await audit.record(
            conn, staff_id=by, action=action, record_type="category", record_id=category.id
        )
    return True


# --- What the purge job deletes next -----------------------------------------------------


@dataclass(frozen=True)
class DueRecord:
    """One record the purge job will delete: its kind, its random id and the day. No content."""

    kind: str  # need | offer
    id: uuid.UUID
    due: date
    category: str


@dataclass(frozen=True)
class DueCount:
    day: date
    category: str
    needs: int
    offers: int


@dataclass(frozen=True)
class PurgePreview:
    until: datetime
    records: tuple[DueRecord, ...]
    counts: tuple[DueCount, ...]
    #: Staff audit events that reach their own retention limit in the same days.
    audit_events: int

    @property
    def listed(self) -> tuple[DueRecord, ...]:
        return self.records[:PURGE_LIST_LIMIT]

    @property
    def needs(self) -> int:
        return sum(1 for r in self.records if r.kind == "need")

    @property
    def offers(self) -> int:
        return sum(1 for r in self.records if r.kind == "offer")


def _due_day(closed_at: datetime, *, now: datetime, retention: timedelta) -> date:
    """The purge job deletes a record at its first hourly run after closing + retention;
    one already past that goes at the next run. Days are UTC days, as the job counts them."""
    if closed_at.tzinfo is None:
        closed_at = closed_at.replace(tzinfo=UTC)
    return max(closed_at + retention, now).astimezone(UTC).date()


async def purging_soon(
    *,
    now: datetime,
    retention_days: int,
    audit_retention_days: int,
    days: int = PURGE_HORIZON_DAYS,
) -> PurgePreview:
    """Exactly what `retention.purge_closed(now=now + days)` would delete, by id and day.

    The same conditions as the purge job: closed needs, and ended community offers, closed
    more than `retention_days` before that moment. Nothing anyone wrote is read.
    """
    until = now + timedelta(days=days)
    retention = timedelta(days=retention_days)
    cutoff = until - retention
    labels = {row.id: category_label(row.slug, row.name) for row in await Category.all()}
    needs = await Need.filter(
        status__in=[s.value for s in need_rules.CLOSED], closed_at__lt=cutoff
    ).values_list("id", "closed_at", "category_id")
    offers = await Offer.filter(
        status=OfferStatus.ENDED.value, source_kind="community", closed_at__lt=cutoff
    ).values_list("id", "closed_at", "category_id")
    records = [
        DueRecord(
            kind,
            record_id,
            _due_day(closed_at, now=now, retention=retention),
            labels.get(category_id, ""),
        )
        for kind, rows in (("need", needs), ("offer", offers))
        for record_id, closed_at, category_id in rows
    ]
    records.sort(key=lambda r: (r.due, r.kind, str(r.id)))
    tally: dict[tuple[date, str], list[int]] = {}
    for record in records:
        counts = tally.setdefault((record.due, record.category), [0, 0])
        counts[0 if record.kind == "need" else 1] += 1
    audit_events = await AuditEvent.filter(
        created_at__lt=until - timedelta(days=audit_retention_days)
    ).count()
    return PurgePreview(
        until=until,
        records=tuple(records),
        counts=tuple(
            DueCount(day, category, n, o) for (day, category), (n, o) in sorted(tally.items())
        ),
        audit_events=audit_events,
    )
