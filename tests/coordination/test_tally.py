"""The queue's tally is exactly the needs in the queue, counted, after any series of what can
happen to needs; concurrent changes lose no count and don't deadlock."""

from __future__ import annotations

import asyncio
import contextlib
import random
import uuid
from datetime import timedelta

import pytest
from tortoise.functions import Count

from mutualaid.domain.clock import now
from mutualaid.domain.match_rules import NoOpenMatch
from mutualaid.domain.needs import Urgency
from mutualaid.domain.queue import QUEUE_STATUSES, QueuePlace, tally_changes
from mutualaid.services import coordination
from mutualaid.services.matching import accept_match, decline_match
from mutualaid.services.needs import erase_need, post_need, withdraw_need
from mutualaid.services.queue_tally import rebuild_queue_tally
from mutualaid.services.retention import expire_quiet_needs, purge_closed
from mutualaid.storage.models import Need, QueueTally
from tests.conftest import Database, make_staff
from tests.coordination.conftest import a_need, an_offer, hours_ago
from tests.services.conftest import need_draft

PLACE = ("status", "urgency", "category_id", "area_id", "language")
CATEGORIES = ("food", "housing")
AREAS = ("downtown", "eastside", "westside")


async def real_counts() -> dict[QueuePlace, int]:
    """The needs in the queue, counted straight from the table."""
    rows = (
        await Need.filter(status__in=[s.value for s in QUEUE_STATUSES])
        .annotate(n=Count("id"))
        .group_by(*PLACE)
        .values_list(*PLACE, "n")
    )
    return {QueuePlace(*row[:5]): int(row[5]) for row in rows}


async def tallied() -> dict[QueuePlace, int]:
    assert await QueueTally.filter(n__lt=0).count() == 0
    rows = await QueueTally.filter(n__gt=0).values_list(*PLACE, "n")
    return {QueuePlace(*row[:5]): int(row[5]) for row in rows}


async def _with_status(status: str) -> list[uuid.UUID]:
    return list(await Need.filter(status=status).order_by("id").values_list("id", flat=True))  # type: ignore[arg-type]


@pytest.mark.parametrize("seed", [1, 2, 3])
async def test_the_tally_is_the_real_counts_after_random_steps(db: Database, seed: int) -> None:
    rng = random.Random(seed)
    coordinator, _ = await make_staff(db, role="coordinator")
    offers = {c: await an_offer(category=c, areas=AREAS, capacity=500) for c in CATEGORIES}
    # Each kind of step, and how often it comes up relative to the others.
    weights = {"post": 4, "propose": 3, "decline": 2, "accept": 2, "close": 1, "withdraw": 1}
    weights |= {"erase": 1, "expire": 1, "purge": 1}
    steps = dict.fromkeys(weights, 0)
    for _ in range(90):
        open_needs, matched = await _with_status("open"), await _with_status("matched")
        (step,) = rng.choices(list(weights), list(weights.values()))
        if step == "post" or not open_needs + matched:
            await a_need(
                db,
                category=rng.choice(CATEGORIES),
                area=rng.choice(AREAS),
                urgency=rng.choice(list(Urgency)),
                language=rng.choice(["en", "es"]),
            )
            step = "post"
        elif step == "propose" and open_needs:
            need = rng.choice(open_needs)
            category = (await Need.get(id=need).prefetch_related("category")).category.slug
            await coordination.propose(need, offers[category], staff_id=coordinator)
        elif step in ("decline", "accept") and matched:
            need = rng.choice(matched)
            category = (await Need.get(id=need).prefetch_related("category")).category.slug
            act = decline_match if step == "decline" else accept_match
            with contextlib.suppress(NoOpenMatch):  # accepted already: nothing to accept
                await act(need, actor_role="offerer", offer_id=offers[category])
        elif step == "close":
            need = rng.choice(open_needs + matched)
            outcomes = ["unmet", "withdrawn"] + (["fulfilled"] if need in matched else [])
            await coordination.close(need, rng.choice(outcomes), staff_id=coordinator)
        elif step == "withdraw":
            await withdraw_need(rng.choice(open_needs + matched))
        elif step == "erase":
            everyone = list(await Need.all().values_list("id", flat=True))
            await erase_need(rng.choice(everyone))  # type: ignore[arg-type]
        elif step == "expire":
            quiet = rng.choice(open_needs + matched)
            await Need.filter(id=quiet).update(last_activity_at=hours_ago(24 * 60))
            assert await expire_quiet_needs(now=now(), horizon_days=21) == 1
        elif step == "purge":
            await purge_closed(now=now() + timedelta(days=400), retention_days=30)
        else:
            continue
        steps[step] += 1
        assert await tallied() == await real_counts(), step
    # The series really went through every kind of step.
    assert all(steps.values()), steps
    # Recounting from scratch agrees with what was moved step by step.
    moved = await tallied()
    await rebuild_queue_tally()
    assert await tallied() == moved


async def test_twenty_concurrent_posts_of_the_same_kind_all_count(db: Database) -> None:
    key = db.settings.secret("codename_key")
    draft = need_draft(category="food", area="eastside", urgency=Urgency.SOON, language="es")
    await asyncio.gather(*(post_need(draft, codename_key=key) for _ in range(20)))
    counted = await tallied()
    assert counted == await real_counts()
    assert sorted(counted.values()) == [20]


async def test_concurrent_matches_declines_and_closes_lose_no_count(db: Database) -> None:
    """Matches move a need open -> matched while declines move others matched -> open, on
    the same two tally rows: sorted locking lets both finish, and every move counts."""
    coordinator, _ = await make_staff(db, role="coordinator")
    offer = await an_offer(capacity=50)
    needs = [await a_need(db) for _ in range(24)]
    for need in needs[:8]:
        await coordination.propose(need, offer, staff_id=coordinator)

    async def propose(need: uuid.UUID) -> None:
        await coordination.propose(need, offer, staff_id=coordinator)

    async def decline(need: uuid.UUID) -> None:
        await decline_match(need, actor_role="offerer", offer_id=offer)

    async def close(need: uuid.UUID) -> None:
        await coordination.close(need, "unmet", staff_id=coordinator)

    await asyncio.gather(
        *(decline(n) for n in needs[:8]),
        *(propose(n) for n in needs[8:16]),
        *(close(n) for n in needs[16:]),
    )
    counted = await tallied()
    assert counted == await real_counts()
    assert sorted(p.status for p, n in counted.items() for _ in range(n)) == (
        ["matched"] * 8 + ["open"] * 8
    )


def test_tally_changes_move_one_need_and_ignore_closed_statuses() -> None:
    food, here = uuid.uuid4(), uuid.uuid4()
    waiting = QueuePlace("open", "now", food, here, "en")
    matched = QueuePlace("matched", "now", food, here, "en")
    met = QueuePlace("fulfilled", "now", food, here, "en")
    assert tally_changes(None, waiting) == [(waiting, 1)]
    assert dict(tally_changes(waiting, matched)) == {waiting: -1, matched: 1}
    assert tally_changes(matched, met) == [(matched, -1)]
    assert tally_changes(met, None) == []
    assert tally_changes(waiting, waiting) == []
    # The same order whichever way a need moves, so transactions lock rows alike.
    assert [p for p, _ in tally_changes(waiting, matched)] == [
        p for p, _ in tally_changes(matched, waiting)
    ]
