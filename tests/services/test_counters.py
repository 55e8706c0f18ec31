"""The aggregate counters: exact, even when many transactions move the same one at once."""

from __future__ import annotations

import asyncio
import contextlib

import pytest
from tortoise.transactions import in_transaction

from mutualaid.services.counters import bump, counter_value
from mutualaid.storage.db import connection
from mutualaid.storage.models import Counter
from tests.services.conftest import MOMENT, PERIOD, counters


async def test_bump_creates_then_adds(db: object) -> None:
    async with in_transaction() as conn:
        await bump(conn, ("m_one",), when=MOMENT, category="food", area_group="East")
    async with in_transaction() as conn:
        await bump(conn, ["m_one", "m_two"], when=MOMENT, category="food", area_group="East", by=4)
    assert await counters() == {
        ("m_one", "food", "East", ""): 5,
        ("m_two", "food", "East", ""): 4,
    }
    assert await counter_value("m_one", period=PERIOD) == 5
    assert await counter_value("m_one", period=PERIOD, category="food") == 5
    assert await counter_value("m_one", period=PERIOD, category="cash") == 0
    assert await counter_value("m_one", period="2031-04") == 0


async def test_a_bump_rolls_back_with_its_transaction(db: object) -> None:
    class Abort(Exception):
        pass

    with pytest.raises(Abort):
        async with in_transaction() as conn:
            await bump(conn, ("m_rollback",), when=MOMENT)
            raise Abort
    assert await counters() == {}


async def _twenty_at_once(metric: str) -> None:
    """Twenty transactions; as many as the database lets run at once hold their first
    statement until all of them have begun, so their first inserts really do collide."""
    together = min(20, int(getattr(connection(), "pool_maxsize", 1)))
    begun = 0
    all_begun = asyncio.Event()

    async def one() -> None:
        nonlocal begun
        async with in_transaction() as conn:
            begun += 1
            if begun >= together:
                all_begun.set()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(all_begun.wait(), timeout=2)
            await bump(conn, (metric,), when=MOMENT, category="cash", source_kind="x")

    await asyncio.gather(*(one() for _ in range(20)))


async def test_twenty_concurrent_first_bumps_all_count(db: object) -> None:
    await _twenty_at_once("m_concurrent")
    assert await counters() == {("m_concurrent", "cash", "", "x"): 20}
    assert await Counter.filter(metric="m_concurrent").count() == 1


async def test_twenty_concurrent_bumps_on_an_existing_counter_all_count(db: object) -> None:
    async with in_transaction() as conn:
        await bump(conn, ("m_existing",), when=MOMENT)
        await bump(conn, ("m_existing",), when=MOMENT, category="cash", source_kind="x", by=0)

    await _twenty_at_once("m_existing")
    assert await counters() == {
        ("m_existing", "", "", ""): 1,
        ("m_existing", "cash", "", "x"): 20,
    }
