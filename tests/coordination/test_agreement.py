"""THE agreement test: the hard filters in SQL (`storage.queries.offers_admitted_by`) and in
the domain (`HardFilters.admits`) choose exactly the same offers, on a few hundred random
offers in every state, for many random needs."""

from __future__ import annotations

import random
import uuid
from datetime import timedelta

import pytest

from mutualaid.domain.clock import this_hour, today
from mutualaid.domain.matching import ALL_DAYS, HardFilters, OfferFacts, hard_filters
from mutualaid.domain.needs import Urgency
from mutualaid.storage.models import Area, Category, Offer, Organization
from mutualaid.storage.queries import offers_admitted_by
from tests.conftest import Database, approved_organization

OFFERS = 300
NEEDS = 40
CATEGORIES = ("food", "housing", "transport")


async def _organizations(db: Database) -> list[tuple[uuid.UUID | None, str | None]]:
    """None (a community member) and organizations in every standing."""
    owners: list[tuple[uuid.UUID | None, str | None]] = [(None, None)]
    for status in ("approved", "approved", "pending", "suspended"):
        org_id = await approved_organization(db, name=f"Org {status} {uuid.uuid4().hex[:4]}")
        await Organization.filter(id=org_id).update(status=status)
        owners.append((org_id, status))
    return owners


async def _random_offers(db: Database, rng: random.Random) -> None:
    owners = await _organizations(db)
    categories = [await Category.get(slug=slug) for slug in CATEGORIES]
    areas = list(await Area.all())
    hour, start = this_hour(), today()
    for _ in range(OFFERS):
        org_id, _status = rng.choice(owners)
        available_from = start + timedelta(days=rng.randint(-40, 40))
        until = rng.choice([None, available_from + timedelta(days=rng.randint(0, 40))])
        offer = await Offer.create(
            organization_id=org_id,
            source_kind="organization" if org_id else "community",
            kind="goods",
            category=rng.choice(categories),
            capacity=5,
            capacity_left=rng.choice([0, 0, 1, 2, 5]),
            available_from=available_from,
            available_until=until,
            open_days=rng.choice([0, 0, rng.randint(1, ALL_DAYS)]),
            language="en",
            status=rng.choice(["active", "active", "active", "paused", "ended"]),
            created_at=hour,
            last_activity_at=hour,
        )
        # Some offers serve no area at all (all of theirs were retired), most one to three.
        served = rng.sample(areas, rng.choice([0, 1, 1, 2, 3]))
        if served:
            await offer.areas.add(*served)


async def _all_offer_facts() -> list[OfferFacts]:
    """Facts for every offer, built from the rows here (not through the code under test)."""
    facts = []
    for offer in await Offer.all().prefetch_related("areas", "organization"):
        organization = offer.organization
        facts.append(
            OfferFacts(
                id=offer.id,
                category_id=offer.category_id,  # type: ignore[attr-defined]
                status=offer.status,
                capacity_left=offer.capacity_left,
                organization_status=organization.status if organization else None,
                area_ids=frozenset(area.id for area in offer.areas),
                available_from=offer.available_from,
                available_until=offer.available_until,
                open_days=offer.open_days,
                organization_id=organization.id if organization else None,
            )
        )
    return facts


async def _random_need(rng: random.Random) -> tuple[HardFilters, uuid.UUID]:
    """A random need's filters, and its own area."""
    area = rng.choice(list(await Area.all()))
    neighbours = frozenset(await area.neighbours.all().values_list("id", flat=True))
    urgency = rng.choice(list(Urgency))
    start = today() + timedelta(days=rng.randint(-5, 30))
    filters = hard_filters(
        category_id=(await Category.get(slug=rng.choice(CATEGORIES))).id,
        area_id=area.id,
        neighbour_ids=neighbours,  # type: ignore[arg-type]
        urgency=urgency,
        window_start=start,
        window_end=start + timedelta(days=rng.randint(0, 10)),
        today=today(),
    )
    return filters, area.id


@pytest.mark.parametrize("seed", [20261121, 7, 1312])
async def test_sql_and_domain_admit_the_same_offers(db: Database, seed: int) -> None:
    rng = random.Random(seed)
    await _random_offers(db, rng)
    facts = await _all_offer_facts()
    assert len(facts) >= OFFERS
    admitted_somewhere = refused_somewhere = 0

    for _ in range(NEEDS):
        filters, area_id = await _random_need(rng)
        in_sql = await offers_admitted_by(filters, area_ids=filters.area_ids)
        in_domain = {o.id for o in facts if filters.admits(o)}
        assert {o.id for o in in_sql} == in_domain, filters
        assert len(in_sql) == len(in_domain)  # each offer once, however many areas it serves
        # Narrowed to the exact area, as suggestions ask first.
        exact = frozenset({area_id})
        in_sql_exact = await offers_admitted_by(filters, area_ids=exact)
        assert {o.id for o in in_sql_exact} == {
            o.id for o in facts if filters.admits(o) and o.area_ids & exact
        }
        # What SQL hands back is the same facts the domain would build (the areas: those
        # asked about, all that the filters and the ranking read).
        by_id = {o.id: o for o in facts}
        for row in in_sql:
            mine = by_id[row.id]
            assert (row.area_ids, row.capacity_left, row.organization_status) == (
                mine.area_ids & filters.area_ids,
                mine.capacity_left,
                mine.organization_status,
            )
        admitted_somewhere += len(in_domain)
        refused_somewhere += len(facts) - len(in_domain)
    # The generated data exercises both answers, not just one.
    assert admitted_somewhere > NEEDS
    assert refused_somewhere > admitted_somewhere
