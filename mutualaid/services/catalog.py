"""Areas and categories as the forms and pages need them."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from dataclasses import dataclass

from mutualaid.domain.catalog import category_label
from mutualaid.domain.errors import UnknownChoice
from mutualaid.storage.db import connection
from mutualaid.storage.models import Area, Category
from mutualaid.storage.writes import Write, in_dialect


@dataclass(frozen=True)
class Choice:
    value: str
    label: str

    def __iter__(self) -> Iterator[str]:
        """Unpacks as (value, label), so form macros take Choices and dict items alike."""
        return iter((self.value, self.label))


@dataclass(frozen=True)
class Choices:
    categories: list[Choice]
    areas: list[Choice]


# The active categories and areas in one statement, as a form page shows them: this runs
# for every form page, where two ORM reads were half of /ask's time (docs/performance.md).
_CHOICES = (
    'SELECT \'area\' AS "kind", "slug", "name", "position", "name" AS "sort" '
    'FROM "area" WHERE "active" '
    "UNION ALL "
    'SELECT \'category\', "slug", "name", "position", "slug" '
    'FROM "category" WHERE "active" '
    'ORDER BY "kind", "position", "sort"'
)


async def choices() -> Choices:
    """What a form offers to choose: categories by position then slug, areas by position
    then name."""
    _, rows = await connection().execute_query(_CHOICES)
    found = Choices(categories=[], areas=[])
    for row in rows:
        slug, name = row["slug"], row["name"]
        if row["kind"] == "area":
            found.areas.append(Choice(slug, name))
        else:
            found.categories.append(Choice(slug, category_label(slug, name)))
    return found


async def category_choices() -> list[Choice]:
    return (await choices()).categories


async def area_choices() -> list[Choice]:
    return (await choices()).areas


async def active_category(slug: str) -> Category:
    category = await Category.get_or_none(slug=slug, active=True)
    if category is None:
        raise UnknownChoice("category")
    return category


async def active_areas(slugs: tuple[str, ...], *, field: str = "area") -> list[Area]:
    areas = await Area.filter(slug__in=slugs, active=True)
    if not slugs or len(areas) != len(set(slugs)):
        raise UnknownChoice(field)
    return list(areas)


@dataclass(frozen=True)
class NeedPlace:
    """The catalogue rows a new need points at, and what its counters are keyed by."""

    category_id: uuid.UUID
    category: str
    area_id: uuid.UUID
    area: str
    area_group: str


class PlaceChanged(Exception):
    """The catalogue changed since a NeedPlace was read: read it again."""


# Both rows in one statement, when a pair is first asked for.
_NEED_PLACE = (
    'SELECT \'category\' AS "kind", "id", \'\' AS "grp" FROM "category" '
    'WHERE "slug" = ? AND "active" '
    "UNION ALL "
    'SELECT \'area\', "id", "group" FROM "area" WHERE "slug" = ? AND "active"'
)

# The same facts, tested inside the transaction that stores the need.
_STILL_SO = (
    'SELECT 1 FROM "category", "area" WHERE "category"."id" = ? AND "category"."slug" = ? '
    'AND "category"."active" AND "area"."id" = ? AND "area"."slug" = ? AND "area"."group" = ? '
    'AND "area"."active"'
)

#: Places read before, by (category, area) slugs. Only a hint, never trusted: every post
#: tests its place inside its own transaction (`still_so`), so a catalogue change made by
#: any process is seen at once. Only valid pairs are kept, and never more than this many.
_KNOWN_PLACES: dict[tuple[str, str], NeedPlace] = {}
_MAX_KNOWN_PLACES = 4096


async def need_place(category: str, area: str, *, fresh: bool = False) -> NeedPlace:
    """The active category and area a need names, or UnknownChoice for the first missing.
    Posting asks this for every need: a pair seen before costs no statement."""
    key = (category, area)
    known = None if fresh else _KNOWN_PLACES.get(key)
    if known is not None:
        return known
    conn = connection()
    _, rows = await conn.execute_query(
        in_dialect(_NEED_PLACE, conn.capabilities.dialect), [category, area]
    )
    found = {row["kind"]: row for row in rows}
    for kind in ("category", "area"):
        if kind not in found:
            _KNOWN_PLACES.pop(key, None)
            raise UnknownChoice(kind)
    place = NeedPlace(
        category_id=uuid.UUID(str(found["category"]["id"])),
        category=category,
        area_id=uuid.UUID(str(found["area"]["id"])),
        area=area,
        area_group=str(found["area"]["grp"]),
    )
    if len(_KNOWN_PLACES) >= _MAX_KNOWN_PLACES:
        _KNOWN_PLACES.clear()
    _KNOWN_PLACES[key] = place
    return place


def still_so(place: NeedPlace) -> Write:
    """A check, for the need's transaction, that its place is as read: PlaceChanged if not."""
    values = (
        str(place.category_id),
        place.category,
        str(place.area_id),
        place.area,
        place.area_group,
    )
    return Write.check(_STILL_SO, values, refuse=PlaceChanged)
