"""The short forms of `python -m benchmarks.load` and `python -m benchmarks.crash`: a real
server process under mixed traffic (one worker on SQLite, two on PostgreSQL), then the
database checked with the server stopped. Zero 5xx, zero lost acknowledged needs, nothing
half-applied (benchmarks/invariants.py). On PostgreSQL the two workers share the traffic,
so sessions and CSRF tokens are honoured by a worker that didn't issue them."""

from __future__ import annotations

import asyncio

from benchmarks.load import Outcome, run_load
from mutualaid.settings import Settings
from tests.conftest import PG_ADMIN_URL

WORKERS = 2 if PG_ADMIN_URL else 1
CONNECTIONS = 20


def _run(settings: Settings, *, seconds: float, crash_after: float | None = None) -> Outcome:
    return asyncio.run(
        run_load(
            settings,
            workers=WORKERS,
            connections=CONNECTIONS,
            seconds=seconds,
            crash_after=crash_after,
        )
    )


def _holds(outcome: Outcome) -> None:
    tally = outcome.tally
    assert tally.server_errors == 0, outcome.summary()
    assert outcome.problems == [], outcome.summary()
    assert tally.acknowledged, "no need was acknowledged at all"
    assert tally.actions["match"] and tally.actions["message"], outcome.summary()


def test_short_load_loses_nothing(own_database: Settings) -> None:
    outcome = _run(own_database, seconds=20)
    _holds(outcome)
    assert not outcome.tally.unanswered, outcome.summary()


def test_sigkill_mid_load_loses_nothing(own_database: Settings) -> None:
    outcome = _run(own_database, seconds=15, crash_after=5)
    _holds(outcome)
    assert outcome.restart_seconds is not None, "the server was not started again"
