"""`python -m benchmarks.jobs_bench`: the purge and report publication at scale, on SQLite.

1. Purge: a fresh SQLite database with N closed needs past retention (default 1,000,000),
   each with a message, a match and a history row (encrypted fields as random bytes of a
   realistic size: the purge never reads them), and 100,000 open needs posted since, each
   with a message and a history row, which must all be there afterwards. The purge runs in
   a child process that reports its wall time, its CPU time (SQLite runs in the process, so
   on a shared machine this is the honest figure to compare), peak memory (getrusage's peak
   resident set, which includes the interpreter; tracemalloc is left out because tracing
   slows Python several times over), and how long its longest transaction held SQLite's
   write lock.
2. Publication: five years of monthly counters (every category x area group x metric, and
   the money metrics), then every month published; the time for all of them.

Targets (issue 6): purge under 60 s and under 200 MB; publication under 1 s.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import resource
import secrets
import sqlite3
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import AsyncIterator, Callable
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from mutualaid.storage.migrate import apply_migrations

CLOSED_AT = datetime(2030, 1, 1, 12, tzinfo=UTC)
NOW = CLOSED_AT + timedelta(days=60)
SEED_BATCH = 20_000


def _stamp(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%d %H:%M:%S+00:00")


def _settings_env(path: Path) -> dict[str, str]:
    return {
        **os.environ,
        "DATABASE_URL": f"sqlite://{path}",
        "MUTUALAID_ENVIRONMENT": "test",
        "MUTUALAID_KEY_FILE": str(path.parent / "keys"),
    }


async def _prepare(path: Path) -> None:
    from mutualaid.services.demo import load_demo
    from mutualaid.settings import load_settings
    from mutualaid.storage.db import start_storage, stop_storage

    await apply_migrations(f"sqlite://{path}")
    settings = load_settings(database_url=f"sqlite://{path}", key_file=path.parent / "keys")
    await start_storage(settings.database_url, settings.secret("encryption_key"))
    try:
        await load_demo(codename_key=settings.secret("codename_key"))
    finally:
        await stop_storage()


def seed_closed_needs(path: Path, count: int, live: int = 0) -> float:
    """Closed needs past retention, each with a message, a match and a history row; and
    `live` open needs, posted after them, with a message and a history row each, which the
    purge must leave as they are."""
    started = time.perf_counter()
    db = sqlite3.connect(path)
    category = db.execute("SELECT id FROM category ORDER BY position LIMIT 1").fetchone()[0]
    area = db.execute("SELECT id FROM area ORDER BY position LIMIT 1").fetchone()[0]
    closed, created = _stamp(CLOSED_AT), _stamp(CLOSED_AT - timedelta(days=3))
    posted = _stamp(NOW - timedelta(days=2))
    db.execute("PRAGMA synchronous=OFF")
    for start in range(0, count + live, SEED_BATCH):
        needs, messages, matches, history = [], [], [], []
        for n in range(start, min(start + SEED_BATCH, count + live)):
            need, is_live = str(uuid.uuid4()), n >= count
            when = posted if is_live else created
            needs.append(
                (
                    need,
                    secrets.token_hex(32),
                    "now",
                    secrets.token_bytes(90),
                    "en",
                    "open" if is_live else "fulfilled",
                    when,
                    when if is_live else closed,
                    None if is_live else closed,
                    area,
                    category,
                )
            )
            messages.append((str(uuid.uuid4()), 1, "member", secrets.token_bytes(120), when, need))
            if not is_live:
                matches.append((str(uuid.uuid4()), "fulfilled", 1, created, closed, need))
            history.append((str(uuid.uuid4()), 1, "posted", "member", when, need))
        with db:
            db.executemany(
                "INSERT INTO need (id, codename_hash, urgency, description, language, status,"
                " created_at, last_activity_at, closed_at, area_id, category_id)"
                " VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                needs,
            )
            db.executemany(
                "INSERT INTO message (id, seq, author_role, body, created_at, need_id)"
                " VALUES (?,?,?,?,?,?)",
                messages,
            )
            db.executemany(
                "INSERT INTO match (id, status, contact_shared, created_at, decided_at, need_id)"
                " VALUES (?,?,?,?,?,?)",
                matches,
            )
            db.executemany(
                "INSERT INTO need_history (id, seq, event, actor_role, created_at, need_id)"
                " VALUES (?,?,?,?,?,?)",
                history,
            )
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    return time.perf_counter() - started


def seed_counters(path: Path, months: int) -> int:
    """Five years of counters, as many keys a month as a busy network would have."""
    from mutualaid.domain.needs import TIME_BUCKETS

    db = sqlite3.connect(path)
    categories = [r[0] for r in db.execute("SELECT slug FROM category")]
    groups = ["Central", "East", "West", "North", "South"]
    need_metrics = [
        "needs_posted",
        "needs_matched",
        "needs_fulfilled",
        "needs_unmet",
        "needs_withdrawn",
        "needs_expired",
    ]
    need_metrics += [f"time_to_{k}_{b}" for k in ("match", "fulfil") for b, _ in TIME_BUCKETS]
    rows = []
    year, month = 2020, 1
    for _ in range(months):
        period = f"{year:04d}-{month:02d}"
        for n, metric in enumerate(need_metrics):
            for c in categories:
                for g in groups:
                    rows.append((period, metric, c, g, "community", 3 + (n * 7 + len(c)) % 40))
        for c in [*categories, "general"]:
            for kind in ("individual", "organization"):
                for metric, value in (
                    ("gifts", 14),
                    ("money_in", 12_345),
                    ("refunds", 1),
                    ("money_refunded", 500),
                ):
                    rows.append((period, metric, c, "", kind, value))
            rows.append((period, "disbursements", c, "", "", 12))
            rows.append((period, "money_out", c, "", "", 45_000))
            rows.append((period, "offers_posted", c, "", "community", 9))
            rows.append((period, "offers_posted", c, "", "organization", 21))
        rows += [
            (period, "credited_organization", f"Org {i}", "", "organization", 1) for i in range(5)
        ]
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    with db:
        db.executemany(
            "INSERT INTO counter (period, metric, category, area_group, source_kind, value)"
            " VALUES (?,?,?,?,?,?)",
            rows,
        )
    db.close()
    return len(rows)


def _cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def _timed(
    transaction: Callable[[], AbstractAsyncContextManager[Any]], spans: list[float]
) -> Callable[[], AbstractAsyncContextManager[Any]]:
    """The purge's transaction, recording how long each held the connection (and SQLite's
    write lock): the longest is what a live app would wait for."""

    @asynccontextmanager
    async def timed() -> AsyncIterator[Any]:
        started = time.perf_counter()
        try:
            async with transaction() as conn:
                yield conn
        finally:
            spans.append(time.perf_counter() - started)

    return timed


async def _purge_child(path: Path) -> dict[str, float]:
    from mutualaid.services import retention
    from mutualaid.settings import load_settings
    from mutualaid.storage.db import connection, start_storage, stop_storage

    settings = load_settings(database_url=f"sqlite://{path}", key_file=path.parent / "keys")
    await start_storage(settings.database_url, settings.secret("encryption_key"))
    spans: list[float] = []
    retention.transaction_without_foreign_key_actions = _timed(  # type: ignore[assignment]
        retention.transaction_without_foreign_key_actions, spans
    )
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    cpu = _cpu_seconds()
    started = time.perf_counter()
    try:
        receipt = await retention.purge_closed(now=NOW, retention_days=30)
        seconds, cpu = time.perf_counter() - started, _cpu_seconds() - cpu
        left = {
            table: await connection().execute_query(
                f'SELECT count(*) AS n FROM "{table}"'  # noqa: S608 (fixed names)
            )
            for table in ("need", "message", "need_history", "match")
        }
    finally:
        await stop_storage()
    return {
        "seconds": seconds,
        "cpu_seconds": cpu,
        **{f"left_{table}": int(rows[0]["n"]) for table, (_, rows) in left.items()},
        "longest_transaction": max(spans, default=0.0),
        "transactions": len(spans),
        "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "rss_before_mb": before / 1024,
        "needs": receipt.needs,
        "messages": receipt.messages,
        "matches": receipt.matches,
    }


async def _publish(path: Path) -> dict[str, float]:
    from mutualaid.services.reports import publish_due
    from mutualaid.settings import load_settings
    from mutualaid.storage.db import start_storage, stop_storage

    settings = load_settings(database_url=f"sqlite://{path}", key_file=path.parent / "keys")
    await start_storage(settings.database_url, settings.secret("encryption_key"))
    try:
        started = time.perf_counter()
        published = await publish_due(
            now=datetime(2025, 1, 15, tzinfo=UTC), threshold=11, currency="usd"
        )
        seconds = time.perf_counter() - started
    finally:
        await stop_storage()
    return {"seconds": seconds, "reports": published}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.jobs_bench", description=__doc__)
    parser.add_argument("--needs", type=int, default=1_000_000)
    parser.add_argument(
        "--live", type=int, default=100_000, help="open needs that must survive the purge"
    )
    parser.add_argument("--months", type=int, default=60)
    parser.add_argument("--purge-child", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.purge_child:
        sys.stdout.write(json.dumps(asyncio.run(_purge_child(args.purge_child))) + "\n")
        return 0
    with tempfile.TemporaryDirectory(prefix="mutualaid-jobs-bench-") as work:
        purge_db = Path(work) / "purge.sqlite3"
        asyncio.run(_prepare(purge_db))
        seeded = seed_closed_needs(purge_db, args.needs, args.live)
        size_mb = purge_db.stat().st_size / 1e6
        child = subprocess.run(  # noqa: S603 (our own module, fixed arguments)
            [sys.executable, "-m", "benchmarks.jobs_bench", "--purge-child", str(purge_db)],
            capture_output=True,
            text=True,
            check=True,
            env=_settings_env(purge_db),
        )
        purge = json.loads(child.stdout.strip().splitlines()[-1])
        report_db = Path(work) / "reports.sqlite3"
        asyncio.run(_prepare(report_db))
        counters = seed_counters(report_db, args.months)
        publish = asyncio.run(_publish(report_db))
    sys.stdout.write(
        f"purge: {purge['needs']:,} closed needs with {purge['messages']:,} messages and "
        f"{purge['matches']:,} matches (seeded in {seeded:.0f} s, {size_mb:,.0f} MB file): "
        f"{purge['seconds']:.1f} s (CPU {purge['cpu_seconds']:.1f} s; load average "
        f"{os.getloadavg()[0]:.1f}), peak RSS {purge['peak_rss_mb']:.0f} MB (of which "
        f"{purge['rss_before_mb']:.0f} MB before the purge began), {purge['transactions']:.0f} "
        f"transactions, the longest {purge['longest_transaction']:.1f} s; left as they were: "
        f"{purge['left_need']:,} open needs, {purge['left_message']:,} messages, "
        f"{purge['left_need_history']:,} history rows\n"
    )
    sys.stdout.write(
        f"publication: {publish['reports']} monthly reports from {counters:,} counter rows: "
        f"{publish['seconds']:.2f} s\n"
    )
    survived = (purge["left_need"], purge["left_message"], purge["left_need_history"]) == (
        (args.live,) * 3
    ) and (purge["left_match"] == 0)
    ok = (
        survived and purge["seconds"] < 60 and purge["peak_rss_mb"] < 200 and publish["seconds"] < 1
    )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
