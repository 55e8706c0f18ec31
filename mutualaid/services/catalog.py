"""Areas and categories as the forms and pages need them."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from mutualaid.domain.catalog import category_label
from mutualaid.domain.errors import UnknownChoice
from mutualaid.storage.models import Area, Category


@dataclass(frozen=True)
class Choice:
    value: str
    label: str

    def __iter__(self) -> Iterator[str]:
        """Unpacks as (value, label), so form macros take Choices and dict items alike."""
        return iter((self.value, self.label))


# Two columns, not whole rows: these run for every form page, and building model objects
# was most of their cost.
async def category_choices() -> list[Choice]:
    rows = (
        await Category.filter(active=True).order_by("position", "slug").values_list("slug", "name")
    )
    return [Choice(slug, category_label(slug, name)) for slug, name in rows]


async def area_choices() -> list[Choice]:
    rows = await Area.filter(active=True).order_by("position", "name").values_list("slug", "name")
    return [Choice(slug, name) for slug, name in rows]


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
