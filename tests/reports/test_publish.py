"""Publishing (the publish-report job): counters in, a frozen report out. Numbers equal the
counters, money follows the contract, nothing row-level leaks, and published months never
change, so consecutive releases can't be subtracted (test C)."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import time_machine
from tortoise.transactions import in_transaction

from jobs import JOBS
from jobs.runner import run_scheduled
from mutualaid.domain.reports import content_hash
from mutualaid.services.counters import bump
from mutualaid.services.reports import latest, publish_due, published
from mutualaid.storage.models import PublishedReport
from tests.conftest import Database
from tests.jobs.conftest import need_at
from tests.privacy.conftest import canary

JANUARY = datetime(2031, 1, 10, 12, tzinfo=UTC)
FEBRUARY = datetime(2031, 2, 10, 12, tzinfo=UTC)
MARCH = datetime(2031, 3, 3, 12, tzinfo=UTC)


async def _count(when: datetime, metric: str, by: int = 1, **key: str) -> None:
    async with in_transaction() as conn:
        await bump(conn, [metric], when=when, by=by, **key)


def _table(report: dict, table_id: str) -> dict:  # type: ignore[type-arg]
    return next(t for t in report["tables"] if t["id"] == table_id)


async def _january() -> None:
    for category, n in (("food", 40), ("housing", 25), ("transport", 3)):
        await _count(JANUARY, "needs_posted", n, category=category, area_group="Central")
    await _count(JANUARY, "needs_fulfilled", 20, category="food", area_group="Central")
    await _count(JANUARY, "needs_fulfilled", 15, category="housing", area_group="Central")
    await _count(JANUARY, "needs_expired", 12, category="food", area_group="Central")
    await _count(JANUARY, "needs_expired", 14, category="housing", area_group="Central")
    await _count(JANUARY, "time_to_match_1d", 30, category="food", area_group="Central")
    await _count(JANUARY, "time_to_match_7d", 12, category="food", area_group="Central")
    # Money, as the funds feature writes it (money-counters contract).
    for kind, gifts, amount in (("individual", 30, 150_00), ("organization", 12, 900_00)):
        await _count(JANUARY, "gifts", gifts, category="general", source_kind=kind)
        await _count(JANUARY, "money_in", amount, category="general", source_kind=kind)
    await _count(JANUARY, "gifts", 2, category="food", source_kind="individual")
    await _count(JANUARY, "money_in", 5_000_00, category="food", source_kind="individual")
    await _count(JANUARY, "disbursements", 14, category="food")
    await _count(JANUARY, "money_out", 700_00, category="food")
    await _count(
        JANUARY,
        "credited_organization",
        1,
        category="Night Owls Collective",
        source_kind="organization",
    )


async def test_the_report_equals_the_counters_with_small_cells_hidden(db: Database) -> None:
    await _january()
    with time_machine.travel(FEBRUARY, tick=False):
        outcome = await run_scheduled(JOBS["publish-report"], db.settings)
    # January, and every month since the demo data's counters began.
    assert outcome.counts["reports_published"] >= 1
    report = (await published("2031-01")).report  # type: ignore[union-attr]
    assert report["period"] == "2031-01" and report["threshold"] == 11

    posted = _table(report, "needs_posted_by_category")
    assert posted["rows"] == ["food", "housing", "transport"]
    assert posted["total"] == 68
    assert posted["cells"][2] == ["<11"]  # transport: 3
    assert "hidden" in (posted["cells"][0][0], posted["cells"][1][0])

    closed = _table(report, "needs_closed")
    assert closed["cells"][0] == [20, 0, 0, 12] and closed["cells"][1] == [15, 0, 0, 14]
    assert closed["total"] == 61 and report["share_met"] == round(100 * 35 / 61)

    timing = _table(report, "time_to_match")
    assert timing["cells"] == [[30], [12], [0], [0]] and timing["total"] == 42

    money = _table(report, "money_in")
    assert money["rows"] == ["food", "general"] and money["columns"] == [
        "individual",
        "organization",
    ]
    # Two gifts for food: their count and their (large) sum are both hidden.
    assert money["cells"][0][0] == "<11" and money["amounts"]["cells"][0][0] == "hidden"
    assert money["amounts"]["cells"][1][1] == 900_00 or money["cells"][1][1] == "hidden"
    assert all(isinstance(v, int) or v in ("<11", "hidden") for row in money["cells"] for v in row)
    out = _table(report, "money_out")
    assert out["cells"] == [[14]] and out["amounts"]["cells"] == [[700_00]]
    assert report["credited_organizations"] == ["Night Owls Collective"]
    assert report["currency"] == "usd"


async def test_an_empty_or_tiny_month_publishes_no_table(db: Database) -> None:
    await _count(JANUARY, "needs_posted", 4, category="food", area_group="Central")
    with time_machine.travel(MARCH, tick=False):
        assert await publish_due(now=MARCH, threshold=11, currency="usd") >= 2
    for period in ("2031-01", "2031-02"):
        report = (await published(period)).report  # type: ignore[union-attr]
        assert report["withheld"] is True
        assert all(t["withheld"] and "cells" not in t for t in report["tables"])


async def test_published_months_are_frozen_and_hashed(db: Database) -> None:
    await _january()
    await publish_due(now=FEBRUARY, threshold=11, currency="usd")
    first = await published("2031-01")
    assert first is not None and first.content_hash == content_hash(first.body)
    # A late change to January's counters (one more record) and another run: nothing moves.
    await _count(JANUARY, "needs_posted", 1, category="transport", area_group="Central")
    assert await publish_due(now=MARCH, threshold=5, currency="eur") == 1  # February only
    again = await published("2031-01")
    assert again is not None and (again.body, again.content_hash) == (
        first.body,
        first.content_hash,
    )
    assert await PublishedReport.filter(period="2031-01").count() == 1


async def test_c_consecutive_releases_cannot_be_subtracted(db: Database) -> None:
    """Each month counts its own events only (no running totals), and a month once out is
    never released again: so there are never two releases that differ by one record."""
    await _january()
    await _count(FEBRUARY, "needs_posted", 40, category="food", area_group="Central")
    await _count(FEBRUARY, "needs_posted", 2, category="transport", area_group="Central")
    await publish_due(now=MARCH, threshold=11, currency="usd")
    january = (await published("2031-01")).report  # type: ignore[union-attr]
    february = (await published("2031-02")).report  # type: ignore[union-attr]
    assert _table(february, "needs_posted_by_category")["total"] == 42  # not 68 + 42
    jan_transport = _table(january, "needs_posted_by_category")["cells"][2][0]
    feb_transport = _table(february, "needs_posted_by_category")["cells"][1][0]
    assert jan_transport == feb_transport == "<11"
    assert (await latest()).period == "2031-02"  # type: ignore[union-attr]


async def test_only_complete_months_are_published(db: Database) -> None:
    await _count(FEBRUARY, "needs_posted", 40, category="food", area_group="Central")
    await publish_due(now=FEBRUARY, threshold=11, currency="usd")
    assert await published("2031-01") is not None
    assert await published("2031-02") is None


async def test_reports_hold_no_row_level_data(db: Database, key: bytes) -> None:
    text = canary("report")
    need = await need_at(JANUARY, key, text=text, contact=canary("contact"))
    await publish_due(now=FEBRUARY, threshold=5, currency="usd")
    body = (await published("2031-01")).body  # type: ignore[union-attr]
    assert "CANARY" not in body and str(need) not in body
    assert "downtown" not in body  # areas only by their coarse group
    json.loads(body)
