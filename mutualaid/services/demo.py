"""Starter data: the built-in categories, example areas and a few example offers."""

from __future__ import annotations

from datetime import timedelta

from tortoise.transactions import in_transaction

from mutualaid.domain.catalog import BUILTIN_CATEGORIES, OfferDraft, OfferKind
from mutualaid.domain.clock import today
from mutualaid.services.offers import post_offer
from mutualaid.storage.models import Area, Category, Offer

#: (slug, name, report group, neighbours). Coarse on purpose: never finer than a neighbourhood.
DEMO_AREAS = (
    ("downtown", "Downtown", "Central", ("eastside", "westside", "northside", "southside")),
    ("eastside", "Eastside", "East", ("downtown", "northside")),
    ("westside", "Westside", "West", ("downtown", "southside")),
    ("northside", "Northside", "North", ("downtown", "eastside")),
    ("southside", "Southside", "South", ("downtown", "westside")),
)


async def ensure_categories() -> int:
    """Create any missing built-in category; returns how many were added."""
    added = 0
    for position, slug in enumerate(BUILTIN_CATEGORIES):
        _, created = await Category.get_or_create(slug=slug, defaults={"position": position})
        added += int(created)
    return added


async def load_demo(*, codename_key: bytes) -> bool:
    """Load demo areas and offers into an empty database; False if it already had areas."""
    await ensure_categories()
    if await Area.exists():
        return False
    async with in_transaction():
        areas = {}
        for position, (slug, name, group, _) in enumerate(DEMO_AREAS):
            areas[slug] = await Area.create(slug=slug, name=name, group=group, position=position)
        for slug, _, _, neighbours in DEMO_AREAS:
            await areas[slug].neighbours.add(*(areas[n] for n in neighbours))
    if not await Offer.exists():
        start = today()
        for draft in (
            OfferDraft(
                OfferKind.GOODS,
                "food",
                ("downtown", "eastside"),
                10,
                start,
                "en",
                start + timedelta(days=60),
                "Groceries, twice a week",
            ),
            OfferDraft(
                OfferKind.SPACE,
                "phone-charging",
                ("downtown",),
                20,
                start,
                "es",
                None,
                "Charging point at a drop-in",
            ),
            OfferDraft(
                OfferKind.RIDE,
                "transport",
                ("westside", "southside"),
                5,
                start,
                "en",
                start + timedelta(days=30),
                "Rides in the evenings",
            ),
            OfferDraft(
                OfferKind.GOODS,
                "hygiene",
                ("northside", "downtown"),
                30,
                start,
                "en",
                None,
                "Harm-reduction kits",
            ),
        ):
            # Demo offers get codenames nobody keeps: they are examples, not real people.
            await post_offer(draft, codename_key=codename_key)
    return True
