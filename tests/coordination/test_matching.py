"""Proposing, declining and closing through the coordination service, against the real
database: capacity is consumed and returned exactly, and counters move with each step."""

from __future__ import annotations

import asyncio
import uuid

import pytest

from mutualaid.domain.clock import month_of, now
from mutualaid.domain.match_rules import NoLongerAvailable, NotMatchable
from mutualaid.domain.queue import QueueFilters
from mutualaid.services import coordination
from mutualaid.services.matching import accept_match, decline_match
from mutualaid.services.queue import queue_choices, queue_page
from mutualaid.storage.models import AuditEvent, Counter, Match, Need, NeedHistory, Offer
from tests.conftest import Database, approved_organization, make_staff
from tests.coordination.conftest import a_need, an_offer, quiet_offers


@pytest.fixture
async def coordinator(db: Database) -> uuid.UUID:
    staff_id, _ = await make_staff(db, role="coordinator")
    return staff_id


async def left(offer_id: uuid.UUID) -> int:
    return (await Offer.get(id=offer_id)).capacity_left


async def status(need_id: uuid.UUID) -> str:
    return (await Need.get(id=need_id)).status


async def in_queue(status_: str | None = None) -> set[uuid.UUID]:
    from mutualaid.domain.needs import NeedStatus

    filters = QueueFilters(status=NeedStatus(status_) if status_ else None)
    page = await queue_page(filters, await queue_choices(), page=1, now=now())
    return {row.id for row in page.rows}


async def counter(metric: str) -> int:
    rows = await Counter.filter(metric=metric, period=month_of(now())).values_list(
        "value", flat=True
    )
    return sum(int(v) for v in rows)  # type: ignore[call-overload]


async def test_proposing_uses_one_unit_and_takes_the_need_off_the_open_queue(
    db: Database, coordinator: uuid.UUID
) -> None:
    need = await a_need(db)
    offer = await an_offer(capacity=3)
    assert need in await in_queue("open")
    match_id = await coordination.propose(need, offer, staff_id=coordinator)
    assert await left(offer) == 2
    assert await status(need) == "matched"
    assert need not in await in_queue("open")
    assert need in await in_queue("matched")
    match = await Match.get(id=match_id)
    assert (match.status, match.proposed_by_id) == ("proposed", coordinator)
    events = (
        await NeedHistory.filter(need_id=need).order_by("seq").values_list("event", "actor_role")
    )
    assert events[-1] == ("proposed", "coordinator")
    assert await AuditEvent.filter(
        action="match.propose", staff_id=coordinator, record_id=str(match_id)
    ).exists()


async def test_a_decline_returns_the_need_to_the_queue_and_the_unit_to_the_offer(
    db: Database, coordinator: uuid.UUID
) -> None:
    org = await approved_organization(db)
    need = await a_need(db)
    offer = await an_offer(capacity=2, organization_id=org)
    declined_before = await counter("matches_declined")
    await coordination.propose(need, offer, staff_id=coordinator)
    assert await left(offer) == 1
    await decline_match(need, actor_role="organization", organization_id=org)
    assert await left(offer) == 2
    assert await status(need) == "open"
    assert need in await in_queue("open")
    assert await counter("matches_declined") == declined_before + 1
    # And it can be matched again, from fresh suggestions.
    assert offer in {s.offer_id for s in await coordination.suggestions(need)}
    await coordination.propose(need, offer, staff_id=coordinator)
    assert await left(offer) == 1


async def test_the_same_need_cant_be_matched_twice(db: Database, coordinator: uuid.UUID) -> None:
    need = await a_need(db)
    first, second = await an_offer(), await an_offer()
    await coordination.propose(need, first, staff_id=coordinator)
    with pytest.raises(NotMatchable):
        await coordination.propose(need, second, staff_id=coordinator)
    assert (await left(first), await left(second)) == (2, 3)


@pytest.mark.parametrize(
    "change",
    [
        {"capacity_left": 0},
        {"status": "paused"},
        {"status": "ended"},
        {"category_id": None},
    ],
    ids=["capacity-ran-out", "paused", "ended", "other-category"],
)
async def test_an_offer_that_stopped_fitting_is_no_longer_available(
    db: Database, coordinator: uuid.UUID, change: dict[str, object]
) -> None:
    from mutualaid.storage.models import Category

    need = await a_need(db)
    offer = await an_offer()
    if "category_id" in change:
        change = {"category_id": (await Category.get(slug="housing")).id}
    await Offer.filter(id=offer).update(**change)
    before = await left(offer)
    with pytest.raises(NoLongerAvailable):
        await coordination.propose(need, offer, staff_id=coordinator)
    assert await left(offer) == before
    assert await status(need) == "open"
    assert not await Match.filter(need_id=need).exists()


async def test_an_unknown_offer_is_no_longer_available(
    db: Database, coordinator: uuid.UUID
) -> None:
    need = await a_need(db)
    with pytest.raises(NoLongerAvailable):
        await coordination.propose(need, uuid.uuid4(), staff_id=coordinator)


async def test_ten_concurrent_proposals_on_three_units_make_exactly_three_matches(
    db: Database, coordinator: uuid.UUID
) -> None:
    needs = [await a_need(db) for _ in range(10)]
    offer = await an_offer(capacity=3)

    async def attempt(need: uuid.UUID) -> uuid.UUID | BaseException:
        try:
            return await coordination.propose(need, offer, staff_id=coordinator)
        except NoLongerAvailable as refused:
            return refused

    outcomes = await asyncio.gather(*(attempt(need) for need in needs))
    made = [o for o in outcomes if isinstance(o, uuid.UUID)]
    assert len(made) == 3
    assert all(isinstance(o, (uuid.UUID, NoLongerAvailable)) for o in outcomes)
    assert await left(offer) == 0
    assert await Match.filter(offer_id=offer).count() == 3
    assert await Need.filter(id__in=needs, status="matched").count() == 3
    assert await Need.filter(id__in=needs, status="open").count() == 7


@pytest.mark.parametrize(
    ("outcome", "metric", "match_status", "unit_back"),
    [
        ("fulfilled", "needs_fulfilled", "fulfilled", False),
        ("unmet", "needs_unmet", "cancelled", True),
        ("withdrawn", "needs_withdrawn", "cancelled", True),
    ],
)
async def test_closing_a_matched_need_moves_its_counter_erases_contact_and_ends_the_match(
    db: Database,
    coordinator: uuid.UUID,
    outcome: str,
    metric: str,
    match_status: str,
    unit_back: bool,
) -> None:
    need = await a_need(db)
    offer = await an_offer(capacity=3)
    match_id = await coordination.propose(need, offer, staff_id=coordinator)
    await accept_match(need, actor_role="offerer", offer_id=offer)
    before = await counter(metric)
    await coordination.close(need, outcome, staff_id=coordinator)
    stored = await Need.get(id=need)
    assert stored.status == outcome
    assert stored.contact is None
    assert stored.closed_at is not None
    assert stored.description  # kept until the retention period ends
    assert await counter(metric) == before + 1
    assert (await Match.get(id=match_id)).status == match_status
    assert await left(offer) == (3 if unit_back else 2)
    assert need not in await in_queue()
    history = await NeedHistory.filter(need_id=need).order_by("seq").values_list("event", flat=True)
    assert history[-1] == outcome
    assert await AuditEvent.filter(action=f"need.{outcome}", record_id=str(need)).exists()


@pytest.mark.parametrize(
    ("outcome", "metric"), [("unmet", "needs_unmet"), ("withdrawn", "needs_withdrawn")]
)
async def test_closing_an_open_need(
    db: Database, coordinator: uuid.UUID, outcome: str, metric: str
) -> None:
    need = await a_need(db)
    before = await counter(metric)
    await coordination.close(need, outcome, staff_id=coordinator)
    assert (await status(need), await counter(metric)) == (outcome, before + 1)
    assert (await Need.get(id=need)).contact is None
    with pytest.raises(NotMatchable):
        await coordination.close(need, outcome, staff_id=coordinator)
    assert await counter(metric) == before + 1


async def test_an_open_need_cant_be_closed_as_met(db: Database, coordinator: uuid.UUID) -> None:
    from mutualaid.domain.errors import InvalidTransition

    need = await a_need(db)
    before = await counter("needs_fulfilled")
    with pytest.raises(InvalidTransition):
        await coordination.close(need, "fulfilled", staff_id=coordinator)
    stored = await Need.get(id=need)
    assert (stored.status, stored.contact) == ("open", "signal: example.01")
    assert await counter("needs_fulfilled") == before


async def test_suggestions_come_ranked_with_what_their_reasons_need(
    db: Database, coordinator: uuid.UUID
) -> None:
    await quiet_offers()
    org = await approved_organization(db, "Quiet Collective")
    busy = await approved_organization(db, "Busy Collective")
    need = await a_need(db, area="downtown")
    neighbour = await an_offer(areas=("eastside",))
    here_busy = await an_offer(organization_id=busy, title="Busy pantry")
    here_quiet = await an_offer(organization_id=org, title="Quiet pantry", capacity=4)
    elsewhere_need = await a_need(db, area="eastside")
    # Give the busy organization an open match, so it ranks after the quiet one.
    busy_next_door = await an_offer(organization_id=busy, areas=("eastside",))
    await coordination.propose(elsewhere_need, busy_next_door, staff_id=coordinator)
    await an_offer(category="housing")  # another kind of help: never suggested
    suggestions = await coordination.suggestions(need)
    # This area first; within each, the organization with less on its hands first.
    assert [s.offer_id for s in suggestions] == [here_quiet, here_busy, neighbour, busy_next_door]
    quiet, busy_view, community, _ = suggestions
    assert (quiet.organization, quiet.title, quiet.capacity_left) == (
        "Quiet Collective",
        "Quiet pantry",
        4,
    )
    assert (quiet.exact_area, quiet.organization_load) == (True, 0)
    assert (busy_view.organization, busy_view.organization_load) == ("Busy Collective", 1)
    assert (community.organization, community.exact_area) == (None, False)


async def test_a_failing_notification_does_not_undo_the_match(
    db: Database, coordinator: uuid.UUID, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[uuid.UUID] = []

    async def broken(match_id: uuid.UUID, *, settings: object) -> bool:
        calls.append(match_id)
        raise ConnectionRefusedError("smtp down")

    monkeypatch.setattr(coordination.notify, "match_proposed", broken)
    need = await a_need(db)
    match_id = await coordination.propose(need, await an_offer(), staff_id=coordinator)
    await coordination.tell_helper(match_id, settings=db.settings)  # raises nothing
    assert calls == [match_id]
    assert await status(need) == "matched"
