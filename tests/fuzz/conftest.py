"""Fuzzing helpers: Hypothesis settings that reproduce, table row counts, and a bridge that
runs each Hypothesis example's requests on the test's own event loop."""

from __future__ import annotations

import asyncio
import logging
import os
from collections.abc import Awaitable, Callable
from typing import TypeVar

import httpx2
import pytest
from hypothesis import HealthCheck, settings
from tortoise import Tortoise

from mutualaid.storage.db import connection

T = TypeVar("T")

#: Examples per route: small enough for the suite's time budget; raise it by hand to dig.
EXAMPLES = int(os.environ.get("MUTUALAID_FUZZ_EXAMPLES", "25"))

settings.register_profile(
    "fuzz",
    max_examples=EXAMPLES,
    deadline=None,
    # Derandomized and without a saved example database: every run (and CI) tries the
    # same inputs, so a failure reproduces.
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    print_blob=False,
)
FUZZ = settings.get_profile("fuzz")

#: What a crash looks like in a response or a log.
TRACE_MARKS = ("Traceback", 'File "')


async def table_counts() -> dict[str, int]:
    """Rows in every table (models and link tables), in one statement."""
    apps = Tortoise.apps
    assert apps is not None
    tables: set[str] = set()
    for name, model in apps["models"].items():
        if name == "Aerich":
            continue
        tables.add(model._meta.db_table)
        tables.update(
            str(f.through)
            for f in model._meta.fields_map.values()
            if getattr(f, "through", None) is not None
        )
    # Table names come from our own models, not from input.
    names = sorted(tables)
    sql = "SELECT " + ", ".join(f'(SELECT COUNT(*) FROM "{t}")' for t in names)
    _, rows = await connection().execute_query(sql)
    return dict(zip(names, (int(v) for v in tuple(rows[0])), strict=True))


def on_this_loop(loop: asyncio.AbstractEventLoop) -> Callable[[Awaitable[T]], T]:
    """From Hypothesis's worker thread, run a coroutine on the test's loop and wait."""

    def run(work: Awaitable[T]) -> T:
        async def wrapped() -> T:
            return await work

        return asyncio.run_coroutine_threadsafe(wrapped(), loop).result(timeout=120)

    return run


def assert_no_crash(response: httpx2.Response) -> None:
    assert response.status_code < 500
    body = response.text
    assert not any(mark in body for mark in TRACE_MARKS)


def assert_quiet_logs(caplog: pytest.LogCaptureFixture) -> None:
    """Nothing worse than a warning, and no traceback, was logged."""
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR or r.exc_info]
    assert "Traceback" not in caplog.text
