"""Starter data: the built-in categories, example areas and a few example offers."""

from __future__ import annotations

from collections import Counter as Tally
from datetime import datetime, timedelta

from tortoise.transactions import in_transaction

from mutualaid.domain.catalog import BUILTIN_CATEGORIES, OfferDraft, OfferKind
from mutualaid.domain.clock import month_of, now, today
from mutualaid.domain.demo_history import complete_months, simulated_moves
from mutualaid.domain.organizations import WORKSHEET_QUESTIONS, Answer
from mutualaid.domain.pledges import OpeningSlot, PledgeDraft
from mutualaid.domain.staff import Role
from mutualaid.services.counters import bump
from mutualaid.services.offers import post_offer
from mutualaid.services.pledges import create_pledge
from mutualaid.services.staff import Passwords, create_staff
from mutualaid.storage.models import Area, Category, Counter, Offer, Organization, StaffUser

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


#: Demo sign-ins, published in the README; `sign_in` refuses demo accounts in production.
DEMO_COORDINATOR = ("demo-coordinator", "demo coordinator password")
DEMO_ORGANIZATION_MEMBER = ("demo-organization", "demo organization password")
#: The demo coordinator's TOTP secret; `mutualaid demo-code` prints its current code.
DEMO_TOTP_SECRET = "DEMOCOORDINATORTOTPSECRETABCD234"  # noqa: S105 (published demo value)


async def load_demo_staff(passwords: Passwords) -> bool:
    """A demo coordinator and an approved demo organization with one member, once."""
    if await StaffUser.exists():
        return False
    moment = now()
    org = await Organization.create(
        name="Harbour Light Drop-in (demo)",
        description="Drop-in hours with phone charging, showers and snacks. No questions asked.",
        public_contact="Ask at the front desk during opening hours",
        languages="en,es",
        credit="name",
        status="approved",
        worksheet=dict.fromkeys(WORKSHEET_QUESTIONS, Answer.NO.value),
        no_strings_commitment=True,
        created_at=moment,
        decided_at=moment,
    )
    await org.areas.add(*await Area.filter(slug__in=["downtown", "eastside"]))
    await create_staff(
        passwords,
        username=DEMO_COORDINATOR[0],
        password=DEMO_COORDINATOR[1],
        role=Role.COORDINATOR,
        is_demo=True,
        totp_secret=DEMO_TOTP_SECRET,
    )
    member_id = await create_staff(
        passwords,
        username=DEMO_ORGANIZATION_MEMBER[0],
        password=DEMO_ORGANIZATION_MEMBER[1],
        role=Role.ORGANIZATION,
        organization_id=org.id,
        is_demo=True,
    )
    # Weekly phone-charging hours, so the directory has something to show.
    evenings = tuple(OpeningSlot(day, "17:00", "21:00") for day in range(5))
    await create_pledge(
        PledgeDraft(
            title="Phone charging and showers",
            public_description="Walk in, charge your phone, take a shower. No questions asked.",
            kind=OfferKind.SPACE,
            category="phone-charging",
            areas=("downtown",),
            capacity=200,
            available_from=today(),
            available_until=None,
            weekly_hours=evenings,
            language="en",
            no_conditions=True,
            listed=True,
            location_note="Side door on the alley; ask for the drop-in",
            location_public=False,
        ),
        organization_id=org.id,
        staff_id=member_id,
    )
    return True


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


#: Complete months of simulated history a new demo database starts with.
DEMO_HISTORY_MONTHS = 3


async def load_demo_history(*, at: datetime, months: int = DEMO_HISTORY_MONTHS) -> int:
    """Counters for the complete months before `at`, as a small network's events would have
    moved them (domain/demo_history.py), so /reports has something to show once the
    publish job runs. Nothing but counters is written: no request, offer or message.
    Only where those months have no counters yet; returns how many counter rows it moved."""
    starts = complete_months(at, months)
    if await Counter.filter(period__in=[month_of(s) for s in starts]).exists():
        return 0
    groups = sorted({group for _, _, group, _ in DEMO_AREAS})
    moves = simulated_moves(starts, area_groups=groups, until=at)
    # One bump per counter row (a month is all `bump` reads of the time).
    totals = Tally(
        (m.when.replace(day=1, hour=0), m.metric, m.category, m.area_group, m.source_kind)
        for m in moves
    )
    async with in_transaction() as conn:
        for (month, metric, category, group, kind), n in sorted(totals.items()):
            await bump(
                conn,
                (metric,),
                when=month,
                category=category,
                area_group=group,
                source_kind=kind,
                by=n,
            )
    return len(totals)
