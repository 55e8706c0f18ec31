"""Privacy promise 6: aggregate-only statistics.

Counters move when something happens, so deleting records never changes a figure; reports
are built from the counters alone, hide small cells (with complementary suppression) and hold
nothing row-level. Most of that is proved where the code lives; this module collects those
tests (pytest runs a test function imported here as part of this module) and adds two checks
of its own: a published month survives the deletion of everything it counted, byte for byte,
and the code that builds reports cannot read a raw record at all.
"""

from __future__ import annotations

import ast
from datetime import UTC, datetime, timedelta
from pathlib import Path

import time_machine
from tortoise.transactions import in_transaction

from jobs import JOBS
from jobs.runner import run_scheduled
from mutualaid.services.erasure import delete_needs
from mutualaid.services.reports import publish_due, published
from mutualaid.storage.models import Need
from tests.conftest import Database
from tests.jobs.conftest import all_counters, key, need_at
from tests.jobs.test_purge import test_purge_leaves_no_trace_and_changes_no_total
from tests.privacy.conftest import canary
from tests.reports.test_disclosure import (
    test_a_no_published_entry_lies_between_one_and_the_threshold,
    test_a_table_whose_total_is_under_the_threshold_is_not_published,
    test_a_threshold_below_five_is_refused_by_settings,
    test_b_linear_programming_audit_every_hidden_small_entry_can_reach_the_threshold,
    test_one_small_cell_takes_a_rectangle_with_it,
)
from tests.reports.test_publish import (
    test_c_consecutive_releases_cannot_be_subtracted,
    test_published_months_are_frozen_and_hashed,
    test_reports_hold_no_row_level_data,
    test_the_report_equals_the_counters_with_small_cells_hidden,
)

__all__ = [
    "key",
    "test_a_no_published_entry_lies_between_one_and_the_threshold",
    "test_a_table_whose_total_is_under_the_threshold_is_not_published",
    "test_a_threshold_below_five_is_refused_by_settings",
    "test_b_linear_programming_audit_every_hidden_small_entry_can_reach_the_threshold",
    "test_c_consecutive_releases_cannot_be_subtracted",
    "test_one_small_cell_takes_a_rectangle_with_it",
    "test_published_months_are_frozen_and_hashed",
    "test_purge_leaves_no_trace_and_changes_no_total",
    "test_reports_hold_no_row_level_data",
    "test_the_report_equals_the_counters_with_small_cells_hidden",
]

PROJECT = Path(__file__).resolve().parents[2]
#: Everything that builds or publishes a report.
REPORT_CODE = (
    PROJECT / "mutualaid" / "services" / "reports.py",
    PROJECT / "mutualaid" / "domain" / "reports.py",
    PROJECT / "jobs" / "publish_report.py",
)
#: The only tables report code may touch: the counters, category names and past reports.
REPORT_TABLES = {"Counter", "Category", "PublishedReport"}
MARCH = datetime(2032, 3, 10, 12, tzinfo=UTC)
APRIL = datetime(2032, 4, 2, 12, tzinfo=UTC)


def _imported_models(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.ImportFrom) and node.module == "mutualaid.storage.models":
            names |= {alias.name for alias in node.names}
        if isinstance(node, ast.ImportFrom) and node.module == "mutualaid.storage":
            names |= {f"storage.{alias.name}" for alias in node.names}
    return names


def test_report_code_can_read_only_counters() -> None:
    for path in REPORT_CODE:
        models = _imported_models(path)
        assert models <= REPORT_TABLES, f"{path.name} reads {sorted(models - REPORT_TABLES)}"
    domain = ast.parse((PROJECT / "mutualaid" / "domain" / "reports.py").read_text())
    modules = {n.module or "" for n in ast.walk(domain) if isinstance(n, ast.ImportFrom)}
    assert not any(m.startswith(("mutualaid.storage", "tortoise")) for m in modules)


async def test_a_published_month_outlives_everything_it_counted(db: Database, key: bytes) -> None:
    needs = [await need_at(MARCH, key, text=canary("counted")) for _ in range(12)]
    assert await publish_due(now=APRIL, threshold=db.settings.report_threshold, currency="usd")
    before = await published("2032-03")
    assert before is not None
    totals = await all_counters()

    async with in_transaction() as conn:
        await delete_needs(conn, needs)
    with time_machine.travel(APRIL + timedelta(days=120), tick=False):
        assert (await run_scheduled(JOBS["purge"], db.settings)).ran
    assert await Need.filter(id__in=needs).count() == 0

    after = await published("2032-03")
    assert after is not None
    assert (after.body, after.content_hash) == (before.body, before.content_hash)
    assert await all_counters() == totals
