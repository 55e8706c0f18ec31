"""Pledge use cases on the real database: approval, no conditions, counters, audit, capacity
under concurrency, expiry, and organization scoping."""

from __future__ import annotations

import asyncio
import uuid
from datetime import timedelta

import pytest
import time_machine

from jobs import expire
from mutualaid.domain.catalog import OfferDraft, OfferKind
from mutualaid.domain.clock import today
from mutualaid.domain.errors import InvalidTransition, UnknownChoice
from mutualaid.domain.pledges import (
    OrganizationNotApproved,
    PledgeHasConditions,
    PledgeNotFound,
)
from mutualaid.services.offers import erase_offer, post_offer
from mutualaid.services.pledges import (
    change_pledge,
    consume_capacity,
    create_pledge,
    end_expired_offers,
    organization_pledge,
    organization_pledges,
    update_pledge,
)
from mutualaid.storage.models import AuditEvent, Offer
from tests.conftest import Database
from tests.pledges.conftest import WEEKDAYS_10_TO_2, draft, member, organization, pledge
from tests.services.conftest import MOMENT, PERIOD, counters

POSTED = ("offers_posted", "hygiene", "", "organization")
ENDED = ("offers_ended", "hygiene", "", "organization")


async def test_an_approved_organization_pledges_and_it_is_counted_and_audited(
    db: Database,
) -> None:
    org = await organization(db)
    staff = await member(db, org)
    with time_machine.travel(MOMENT, tick=False):
        pledge_id = await create_pledge(
            draft(available_from=MOMENT.date(), available_until=None),
            organization_id=org,
            staff_id=staff,
        )
        view = await organization_pledge(pledge_id, organization_id=org, today=today())
    offer = await Offer.get(id=pledge_id).prefetch_related("areas", "category")
    assert offer.source_kind == "organization"
    assert offer.organization_id == org  # type: ignore[attr-defined]
    assert offer.codename_hash is None
    assert offer.no_conditions is True
    assert (offer.capacity, offer.capacity_left) == (5, 5)
    assert offer.weekly_hours == [s.as_json() for s in WEEKDAYS_10_TO_2]
    assert view.live and view.hours == WEEKDAYS_10_TO_2
    assert await counters() == {POSTED: 1}
    event = await AuditEvent.get(action="pledge.create")
    assert (event.staff_id, event.record_type, event.record_id) == (staff, "pledge", str(pledge_id))


@pytest.mark.parametrize("status", ["pending", "suspended"])
async def test_pledges_cant_go_live_before_approval(db: Database, status: str) -> None:
    org = await organization(db, status=status)
    staff = await member(db, org)
    with pytest.raises(OrganizationNotApproved):
        await create_pledge(draft(), organization_id=org, staff_id=staff)
    assert not await Offer.filter(organization_id=org).exists()
    moved = await counters(period=today().strftime("%Y-%m"))
    assert not [key for key in moved if key[3] == "organization"]
    assert not await AuditEvent.filter(action__startswith="pledge").exists()


async def test_a_pledge_must_carry_no_conditions(db: Database) -> None:
    org = await organization(db)
    staff = await member(db, org)
    with pytest.raises(PledgeHasConditions):
        await create_pledge(draft(no_conditions=False), organization_id=org, staff_id=staff)
    pledge_id = await pledge(db, org, staff)
    with pytest.raises(PledgeHasConditions):
        await update_pledge(
            pledge_id, draft(no_conditions=False), organization_id=org, staff_id=staff
        )
    assert await Offer.filter(organization_id=org).count() == 1


async def test_unknown_category_or_area_is_refused(db: Database) -> None:
    org = await organization(db)
    staff = await member(db, org)
    with pytest.raises(UnknownChoice):
        await create_pledge(draft(category="atlantis"), organization_id=org, staff_id=staff)
    with pytest.raises(UnknownChoice):
        await create_pledge(draft(areas=("atlantis",)), organization_id=org, staff_id=staff)
    assert not await Offer.filter(organization_id=org).exists()


async def test_pause_resume_end_with_counters_and_audit(db: Database) -> None:
    org = await organization(db)
    staff = await member(db, org)
    with time_machine.travel(MOMENT, tick=False):
        pledge_id = await pledge(db, org, staff, available_from=MOMENT.date())
        await change_pledge(pledge_id, "pause", organization_id=org, staff_id=staff)
        assert (await Offer.get(id=pledge_id)).status == "paused"
        with pytest.raises(InvalidTransition):
            await change_pledge(pledge_id, "pause", organization_id=org, staff_id=staff)
        await change_pledge(pledge_id, "resume", organization_id=org, staff_id=staff)
        await change_pledge(pledge_id, "end", organization_id=org, staff_id=staff)
        with pytest.raises(InvalidTransition):
            await change_pledge(pledge_id, "resume", organization_id=org, staff_id=staff)
        with pytest.raises(InvalidTransition):
            await update_pledge(pledge_id, draft(), organization_id=org, staff_id=staff)
    offer = await Offer.get(id=pledge_id)
    assert offer.status == "ended" and offer.closed_at is not None
    assert await counters() == {POSTED: 1, ENDED: 1}
    actions = await AuditEvent.filter(record_id=str(pledge_id)).values_list("action", flat=True)
    assert sorted(actions) == sorted(  # type: ignore[type-var]
        ["pledge.create", "pledge.pause", "pledge.resume", "pledge.end"]
    )


async def test_a_suspended_organization_can_pause_and_end_but_not_resume(db: Database) -> None:
    org = await organization(db)
    staff = await member(db, org)
    first, second = await pledge(db, org, staff), await pledge(db, org, staff)
    await change_pledge(first, "pause", organization_id=org, staff_id=staff)
    from mutualaid.storage.models import Organization

    await Organization.filter(id=org).update(status="suspended")
    with pytest.raises(OrganizationNotApproved):
        await change_pledge(first, "resume", organization_id=org, staff_id=staff)
    with pytest.raises(OrganizationNotApproved):
        await update_pledge(second, draft(title="New"), organization_id=org, staff_id=staff)
    await change_pledge(second, "end", organization_id=org, staff_id=staff)
    assert (await Offer.get(id=first)).status == "paused"
    assert (await Offer.get(id=second)).title == "Drop-in showers"


async def test_editing_keeps_used_capacity_used(db: Database) -> None:
    org = await organization(db)
    staff = await member(db, org)
    pledge_id = await pledge(db, org, staff, capacity=5)
    assert await consume_capacity(pledge_id)
    assert await consume_capacity(pledge_id)
    await update_pledge(
        pledge_id,
        draft(capacity=8, title="More showers", weekly_hours=(), listed=False, category="food"),
        organization_id=org,
        staff_id=staff,
    )
    offer = await Offer.get(id=pledge_id).prefetch_related("category")
    assert (offer.capacity, offer.capacity_left) == (8, 6)
    assert (offer.title, offer.weekly_hours, offer.listed) == ("More showers", [], False)
    assert offer.category.slug == "food"
    await update_pledge(pledge_id, draft(capacity=1), organization_id=org, staff_id=staff)
    assert (await Offer.get(id=pledge_id)).capacity_left == 0
    assert await AuditEvent.filter(action="pledge.update").count() == 2


async def test_capacity_counts_down_and_never_below_zero_under_concurrency(db: Database) -> None:
    org = await organization(db)
    pledge_id = await pledge(db, org, capacity=5)
    results = await asyncio.gather(*(consume_capacity(pledge_id) for _ in range(20)))
    assert sum(results) == 5
    assert results.count(False) == 15
    assert (await Offer.get(id=pledge_id)).capacity_left == 0
    assert await consume_capacity(pledge_id) is False
    assert (await Offer.get(id=pledge_id)).capacity_left == 0


async def test_a_paused_or_unknown_offer_has_no_capacity_to_use(db: Database) -> None:
    org = await organization(db)
    staff = await member(db, org)
    pledge_id = await pledge(db, org, staff)
    await change_pledge(pledge_id, "pause", organization_id=org, staff_id=staff)
    assert await consume_capacity(pledge_id) is False
    assert await consume_capacity(uuid.uuid4()) is False
    assert (await Offer.get(id=pledge_id)).capacity_left == 5


async def test_another_organizations_pledge_is_not_found(db: Database) -> None:
    org_a, org_b = await organization(db), await organization(db)
    staff_a, staff_b = await member(db, org_a), await member(db, org_b)
    pledge_id = await pledge(db, org_a, staff_a)
    with pytest.raises(PledgeNotFound):
        await organization_pledge(pledge_id, organization_id=org_b, today=today())
    with pytest.raises(PledgeNotFound):
        await update_pledge(pledge_id, draft(title="Mine"), organization_id=org_b, staff_id=staff_b)
    for action in ("pause", "resume", "end"):
        with pytest.raises(PledgeNotFound):
            await change_pledge(pledge_id, action, organization_id=org_b, staff_id=staff_b)
    assert await organization_pledges(org_b, today=today()) == []
    offer = await Offer.get(id=pledge_id)
    assert (offer.status, offer.title) == ("active", "Drop-in showers")
    assert not await AuditEvent.filter(staff_id=staff_b, action__startswith="pledge").exists()


async def test_expired_pledges_and_community_offers_end_on_their_own(db: Database) -> None:
    # The demo offers were posted today, years before MOMENT: take them out of the picture.
    for demo_offer in await Offer.filter(source_kind="community"):
        await erase_offer(demo_offer.id)
    org = await organization(db)
    staff = await member(db, org)
    start = MOMENT.date()
    with time_machine.travel(MOMENT, tick=False):
        lasting = await pledge(db, org, staff, available_from=start, available_until=None)
        short = await pledge(db, org, staff, available_from=start, available_until=start)
        paused = await pledge(db, org, staff, available_from=start, available_until=start)
        await change_pledge(paused, "pause", organization_id=org, staff_id=staff)
        key = db.settings.secret("codename_key")
        await post_offer(
            OfferDraft(OfferKind.RIDE, "transport", ("eastside",), 2, start, "en", start),
            codename_key=key,
        )
        # On its last day it is still in service.
        assert await end_expired_offers(today=start) == 0
    with time_machine.travel(MOMENT + timedelta(days=1), tick=False):
        assert await end_expired_offers(today=start + timedelta(days=1)) == 3
        assert await end_expired_offers(today=start + timedelta(days=1)) == 0
    assert (await Offer.get(id=lasting)).status == "active"
    for ended in (short, paused):
        offer = await Offer.get(id=ended)
        assert offer.status == "ended" and offer.closed_at is not None
    community = await Offer.get(source_kind="community", available_until=start)
    assert community.status == "ended"
    assert await counters() == {
        POSTED: 3,
        ENDED: 2,
        ("offers_posted", "transport", "", "community"): 1,
        ("offers_ended", "transport", "", "community"): 1,
    }
    assert PERIOD == "2031-05"


async def test_the_expire_job_ends_offers_past_their_last_day(db: Database) -> None:
    for demo_offer in await Offer.filter(source_kind="community"):
        await erase_offer(demo_offer.id)
    org = await organization(db)
    staff = await member(db, org)
    start = MOMENT.date()
    with time_machine.travel(MOMENT, tick=False):
        pledge_id = await pledge(db, org, staff, available_from=start, available_until=start)
    with time_machine.travel(MOMENT + timedelta(days=2), tick=False):
        receipt = await expire.run(db.settings)
    assert receipt["offers_ended"] == 1
    assert (await Offer.get(id=pledge_id)).status == "ended"
