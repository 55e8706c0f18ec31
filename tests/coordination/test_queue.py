"""The queue in SQL agrees with the queue's rules: which needs, in what order, on which
page, and how many each filter value would show."""

from __future__ import annotations

import random
import uuid
from dataclasses import dataclass
from datetime import datetime

import pytest

from mutualaid.domain.clock import now
from mutualaid.domain.needs import NeedStatus, Urgency
from mutualaid.domain.queue import (
    FACETS,
    PAGE_SIZE,
    AgeBand,
    QueueFilters,
    age_band_of,
    queue_order_key,
)
from mutualaid.services import coordination
from mutualaid.services.queue import queue_choices, queue_page
from mutualaid.storage.models import Need
from tests.conftest import Database, make_staff
from tests.coordination.conftest import a_need, an_offer, hours_ago


@dataclass(frozen=True)
class Row:
    """A need as the queue's rules see it, read straight from the table."""

    id: uuid.UUID
    status: str
    urgency: str
    category: str
    area: str
    language: str
    created_at: datetime

    def value(self, facet: str, moment: datetime) -> str:
        if facet == "age":
            return age_band_of(self.created_at, moment).value
        return str(getattr(self, facet))


async def _rows() -> list[Row]:
    needs = await Need.all().prefetch_related("category", "area")
    return [
        Row(n.id, n.status, n.urgency, n.category.slug, n.area.slug, n.language, n.created_at)
        for n in needs
    ]


def _expected(rows: list[Row], filters: QueueFilters, moment: datetime) -> list[Row]:
    chosen = {f: getattr(filters, f) for f in FACETS if getattr(filters, f) is not None}
    return sorted(
        (
            r
            for r in rows
            if r.status in ("open", "matched")
            and all(r.value(f, moment) == str(v) for f, v in chosen.items())
        ),
        key=lambda r: queue_order_key(r.urgency, r.created_at, r.id),
    )


async def _random_needs(db: Database, rng: random.Random, count: int) -> None:
    coordinator, _ = await make_staff(db, role="coordinator")
    offer = await an_offer(capacity=count)
    for _ in range(count):
        need = await a_need(
            db,
            category=rng.choice(["food", "housing", "transport"]),
            area=rng.choice(["downtown", "eastside", "westside"]),
            urgency=rng.choice(list(Urgency)),
            language=rng.choice(["en", "es", "fr"]),
            created_at=hours_ago(rng.choice([0, 1, 5, 23, 24, 30, 71, 72, 100, 167, 168, 400])),
        )
        fate = rng.random()
        if fate < 0.15:
            await coordination.close(need, "withdrawn", staff_id=coordinator)
        elif (
            fate < 0.35
            and (await Need.get(id=need).prefetch_related("category")).category.slug == "food"
        ):
            await coordination.propose(need, offer, staff_id=coordinator)


async def test_every_page_in_order_and_nothing_twice(db: Database) -> None:
    await _random_needs(db, random.Random(5), 3 * PAGE_SIZE)
    moment = now()
    expected = _expected(await _rows(), QueueFilters(), moment)
    pages = -(-len(expected) // PAGE_SIZE)
    assert pages >= 3
    choices = await queue_choices()
    seen: list[uuid.UUID] = []
    for page in range(1, pages + 1):
        result = await queue_page(QueueFilters(), choices, page=page, now=moment)
        assert (result.pagination.page, result.pagination.pages) == (page, pages)
        assert result.pagination.total == len(expected)
        assert len(result.rows) == min(PAGE_SIZE, len(expected) - (page - 1) * PAGE_SIZE)
        seen += [row.id for row in result.rows]
    assert seen == [r.id for r in expected]
    # A page past the end (the queue shrank since the link was made) shows the last one.
    late = await queue_page(QueueFilters(), choices, page=pages + 5, now=moment)
    assert late.pagination.page == pages
    assert [row.id for row in late.rows] == seen[(pages - 1) * PAGE_SIZE :]


@pytest.mark.parametrize("seed", [1, 2, 3, 4])
async def test_filters_and_counts_agree_with_the_rules(db: Database, seed: int) -> None:
    rng = random.Random(seed)
    await _random_needs(db, rng, 60)
    moment = now()
    rows = await _rows()
    choices = await queue_choices()
    for _ in range(6):
        filters = QueueFilters(
            status=rng.choice([None, NeedStatus.OPEN, NeedStatus.MATCHED]),
            urgency=rng.choice([None, *Urgency]),
            category=rng.choice([None, "food", "housing", "other"]),
            area=rng.choice([None, None, "downtown", "eastside"]),
            language=rng.choice([None, None, "en", "es", "zh"]),
            age=rng.choice([None, None, *AgeBand]),
        )
        result = await queue_page(filters, choices, page=1, now=moment)
        expected = _expected(rows, filters, moment)
        assert [row.id for row in result.rows] == [r.id for r in expected[:PAGE_SIZE]], filters
        assert result.pagination.total == len(expected)
        for facet in FACETS:
            everyone = _expected(rows, filters.without(facet), moment)
            wanted: dict[str, int] = {}
            for r in everyone:
                wanted[r.value(facet, moment)] = wanted.get(r.value(facet, moment), 0) + 1
            assert result.counts[facet] == wanted, (facet, filters)


async def test_closed_needs_leave_the_queue_and_matched_ones_stay(db: Database) -> None:
    coordinator, _ = await make_staff(db, role="coordinator")
    waiting, matched, closed = [await a_need(db) for _ in range(3)]
    await coordination.propose(matched, await an_offer(), staff_id=coordinator)
    await coordination.close(closed, "unmet", staff_id=coordinator)
    result = await queue_page(QueueFilters(), await queue_choices(), page=1, now=now())
    by_id = {row.id: row for row in result.rows}
    assert set(by_id) == {waiting, matched}
    assert by_id[matched].match_status == "proposed"
    assert by_id[waiting].match_status is None
    assert result.counts["status"] == {"open": 1, "matched": 1}


async def test_rows_say_whose_turn_it_is_in_the_thread(db: Database) -> None:
    from mutualaid.services.needs import add_message

    quiet, asked, answered = [await a_need(db) for _ in range(3)]
    await add_message(asked, author_role="member", body="Is anyone there?")
    await add_message(answered, author_role="member", body="Hello")
    await add_message(answered, author_role="coordinator", body="Hi, we're on it")
    result = await queue_page(QueueFilters(), await queue_choices(), page=1, now=now())
    waiting = {row.id: row.awaiting_reply for row in result.rows}
    assert waiting == {quiet: False, asked: True, answered: False}


async def test_ages_are_whole_hours_and_newest_comes_first_within_an_urgency(
    mid_hour: None, db: Database
) -> None:
    old = await a_need(db, created_at=hours_ago(30))
    new = await a_need(db, created_at=hours_ago(2))
    flexible = await a_need(db, urgency=Urgency.FLEXIBLE, created_at=hours_ago(0))
    result = await queue_page(QueueFilters(), await queue_choices(), page=1, now=now())
    assert [row.id for row in result.rows] == [new, old, flexible]
    assert [row.age_hours for row in result.rows] == [2, 30, 0]
    day = await queue_page(QueueFilters(age=AgeBand.DAY), await queue_choices(), page=1, now=now())
    assert {row.id for row in day.rows} == {new, flexible}
