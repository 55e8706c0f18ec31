"""Helpers for service tests: the real database from `db`, and the counter table read back."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from mutualaid.domain.needs import NeedDraft, Urgency
from mutualaid.storage.models import Counter
from tests.conftest import Database

#: A moment in a month no fixture has counted anything in.
MOMENT = datetime(2031, 5, 17, 13, 37, 42, 654321, tzinfo=UTC)
HOUR = datetime(2031, 5, 17, 13, tzinfo=UTC)
PERIOD = "2031-05"

CounterKey = tuple[str, str, str, str]


def need_draft(**overrides: object) -> NeedDraft:
    values: dict[str, object] = {
        "category": "food",
        "area": "downtown",
        "urgency": Urgency.NOW,
        "description": "Groceries for two days",
        "language": "en",
        "contact": "signal: example.01",
        "preferred_name": "Sam",
        "pronouns": "they/them",
    }
    values.update(overrides)
    return NeedDraft(**values)  # type: ignore[arg-type]


async def counters(period: str = PERIOD) -> dict[CounterKey, int]:
    """Every counter of a month: (metric, category, area group, source kind) -> value."""
    rows = await Counter.filter(period=period).values_list(
        "metric", "category", "area_group", "source_kind", "value"
    )
    return {(m, c, a, s): int(v) for m, c, a, s, v in rows}


async def all_counters() -> dict[tuple[str, CounterKey], int]:
    rows = await Counter.all().values_list(
        "period", "metric", "category", "area_group", "source_kind", "value"
    )
    return {(p, (m, c, a, s)): int(v) for p, m, c, a, s, v in rows}


@pytest.fixture
def key(db: Database) -> bytes:
    return db.settings.secret("codename_key")
