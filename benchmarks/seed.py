"""Seeding a benchmark database fast: bulk inserts of valid rows, sensitive text encrypted.

Needs and offers go through Tortoise's `bulk_create`, so every value (the encrypted text
included) is converted by the real field types, exactly as the services store it. The offer
to area links have no model, so they are inserted with one prepared statement.
"""

from __future__ import annotations

import random
import secrets
import time
import uuid
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from tortoise.transactions import in_transaction

from mutualaid.domain.catalog import CONTACT_LANGUAGES, OfferKind
from mutualaid.domain.clock import this_hour, today
from mutualaid.domain.matching import open_days_bits
from mutualaid.domain.needs import NeedStatus, Urgency
from mutualaid.domain.organizations import WORKSHEET_QUESTIONS, Answer
from mutualaid.services.queue_tally import rebuild_queue_tally
from mutualaid.storage.db import connection, is_sqlite
from mutualaid.storage.models import Area, Category, Need, Offer, Organization

BATCH = 5_000
#: Share of offers pledged by organizations; the rest are community members' offers.
PLEDGE_SHARE = 0.3
ORGANIZATIONS = 5
#: How often each urgency is chosen for a need.
URGENCY_WEIGHTS = {Urgency.NOW: 3, Urgency.SOON: 3, Urgency.FLEXIBLE: 2, Urgency.WINDOW: 2}
LANGUAGES = [code for code in CONTACT_LANGUAGES if code != "other"]
DESCRIPTIONS = (
    "Groceries for two days, no pork please",
    "A ride to an appointment on Thursday morning",
    "Somewhere to shower and charge my phone",
    "Help with this month's phone bill",
    "Childcare for a few hours while I work",
    "Hygiene supplies and a few harm-reduction kits",
    "A safe place to stay for two nights",
)


@dataclass(frozen=True)
class Seeded:
    needs: int
    offers: int
    pledges: int
    offer_areas: int
    organizations: int
    seconds: float


def _batches(items: Sequence[object], size: int = BATCH) -> Iterator[Sequence[object]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


async def seed(*, needs: int, offers: int, seed_value: int = 20261121) -> Seeded:
    """Add `needs` open needs and `offers` active offers to a migrated database with areas."""
    started = time.perf_counter()
    rng = random.Random(seed_value)  # noqa: S311 (benchmark data, not a secret)
    categories = [row["id"] for row in await Category.all().values("id")]
    areas = [row["id"] for row in await Area.all().values("id")]
    if not categories or not areas:
        raise RuntimeError("load the demo categories and areas first")
    hour = this_hour()
    organizations = await _organizations(rng, areas, hour)
    await _needs(rng, needs, categories, areas, hour)
    # Bulk-loaded around the services, so the queue's tally is counted once here.
    await rebuild_queue_tally()
    offer_areas, pledges = await _offers(rng, offers, categories, areas, organizations, hour)
    return Seeded(
        needs=needs,
        offers=offers,
        pledges=pledges,
        offer_areas=offer_areas,
        organizations=len(organizations),
        seconds=time.perf_counter() - started,
    )


async def _organizations(
    rng: random.Random, areas: list[uuid.UUID], hour: datetime
) -> list[uuid.UUID]:
    ids = []
    for number in range(ORGANIZATIONS):
        org = await Organization.create(
            name=f"Benchmark collective {number + 1}",
            description="Drop-in space, supplies and rides. No questions asked.",
            public_contact="Ask at the front desk",
            languages="en,es",
            credit="anonymous",
            status="approved",
            worksheet=dict.fromkeys(WORKSHEET_QUESTIONS, Answer.NO.value),
            no_strings_commitment=True,
            created_at=hour,
            decided_at=hour,
        )
        await org.areas.add(*await Area.filter(id__in=rng.sample(areas, k=2)))
        ids.append(org.id)
    return ids


async def _needs(
    rng: random.Random,
    count: int,
    categories: list[uuid.UUID],
    areas: list[uuid.UUID],
    hour: datetime,
) -> None:
    start = today()
    urgencies = list(URGENCY_WEIGHTS)
    weights = list(URGENCY_WEIGHTS.values())
    rows = []
    for _ in range(count):
        # Hour-truncated times (privacy promise 2), spread over the last 60 days.
        created = hour - timedelta(hours=rng.randrange(60 * 24))
        active = max(created, hour - timedelta(hours=rng.randrange(20 * 24)))
        urgency = rng.choices(urgencies, weights)[0]
        window_start = window_end = None
        if urgency is Urgency.WINDOW:
            window_start = start + timedelta(days=rng.randrange(15))
            window_end = window_start + timedelta(days=rng.randrange(15))
        with_contact = rng.random() < 0.4
        rows.append(
            Need(
                codename_hash=secrets.token_hex(32),
                category_id=rng.choice(categories),
                area_id=rng.choice(areas),
                urgency=urgency.value,
                window_start=window_start,
                window_end=window_end,
                description=rng.choice(DESCRIPTIONS),
                contact="Signal, after 6pm" if with_contact else None,
                preferred_name="Sam" if with_contact and rng.random() < 0.5 else None,
                language=rng.choice(LANGUAGES),
                status=NeedStatus.OPEN.value,
                created_at=created,
                last_activity_at=active,
            )
        )
    for batch in _batches(rows):
        async with in_transaction() as conn:
            await Need.bulk_create(batch, using_db=conn)  # type: ignore[arg-type]


def _weekly_hours(rng: random.Random) -> tuple[list[dict[str, str | int]], int]:
    days = sorted(rng.sample(range(7), k=rng.randint(1, 6)))
    hours: list[dict[str, str | int]] = [
        {"day": day, "opens": "10:00", "closes": "18:00"} for day in days
    ]
    return hours, open_days_bits(set(days))


async def _offers(
    rng: random.Random,
    count: int,
    categories: list[uuid.UUID],
    areas: list[uuid.UUID],
    organizations: list[uuid.UUID],
    hour: datetime,
) -> tuple[int, int]:
    start = today()
    rows: list[Offer] = []
    served: list[tuple[uuid.UUID, uuid.UUID]] = []
    pledges = 0
    for _ in range(count):
        capacity = rng.randint(1, 50)
        available_from = start + timedelta(days=rng.randint(-60, 30))
        available_until: date | None = None
        if rng.random() < 0.6:
            available_until = available_from + timedelta(days=rng.randint(7, 120))
        common = {
            "kind": rng.choice(list(OfferKind)).value,
            "category_id": rng.choice(categories),
            "capacity": capacity,
            # Mostly some left; a few used up, which the hard filters must drop.
            "capacity_left": 0 if rng.random() < 0.05 else rng.randint(1, capacity),
            "available_from": available_from,
            "available_until": available_until,
            "language": rng.choice(LANGUAGES),
            "status": "active",
            "created_at": hour - timedelta(hours=rng.randrange(60 * 24)),
            "last_activity_at": hour,
        }
        if rng.random() < PLEDGE_SHARE:
            pledges += 1
            hours, bits = _weekly_hours(rng) if rng.random() < 0.7 else ([], 0)
            offer = Offer(
                organization_id=rng.choice(organizations),
                source_kind="organization",
                title="Supplies and drop-in space",
                public_description="Walk in during opening hours. No questions asked.",
                weekly_hours=hours,
                open_days=bits,
                location_note="Side door on the alley" if rng.random() < 0.5 else None,
                listed=rng.random() < 0.5,
                no_conditions=True,
                **common,
            )
        else:
            offer = Offer(
                codename_hash=secrets.token_hex(32),
                source_kind="community",
                notes="Evenings and weekends" if rng.random() < 0.5 else None,
                **common,
            )
        rows.append(offer)
        for area in rng.sample(areas, k=rng.choice((1, 1, 1, 2, 2, 3))):
            served.append((offer.id, area))
    for batch in _batches(rows):
        async with in_transaction() as conn:
            await Offer.bulk_create(batch, using_db=conn)  # type: ignore[arg-type]
    await _link_areas(served)
    return len(served), pledges


async def _link_areas(pairs: list[tuple[uuid.UUID, uuid.UUID]]) -> None:
    """The `offer_area` rows, in the form each driver stores a UUID (text on SQLite)."""
    if is_sqlite():
        sql = 'INSERT INTO "offer_area" ("offer_id", "area_id") VALUES (?, ?)'
        values: list[list[object]] = [[str(o), str(a)] for o, a in pairs]
    else:
        sql = 'INSERT INTO "offer_area" ("offer_id", "area_id") VALUES ($1, $2)'
        values = [[o, a] for o, a in pairs]
    for batch in _batches(values, 20_000):
        await connection().execute_many(sql, list(batch))  # type: ignore[arg-type]
