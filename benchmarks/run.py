"""`python -m benchmarks.run --db sqlite|postgres`: a fresh database at full scale, timed.

Creates a fresh database (a SQLite file in a temporary directory, or a new database on the
PostgreSQL server named by MUTUALAID_BENCH_POSTGRES_URL, an admin URL), applies the
migrations, loads the demo categories and areas, bulk-seeds open needs and active offers,
then times suggestions for random needs and the coordinators' queue page. Prints one table
and keeps it in docs/performance.md.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import platform
import random
import re
import secrets
import sys
import tempfile
import time
import uuid
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager, contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from benchmarks.explain import explain_suggestions
from benchmarks.measure import Skipped, Timing, time_queue, time_suggestions
from benchmarks.report import Run, table, update_doc
from benchmarks.seed import seed
from mutualaid.services.demo import load_demo
from mutualaid.settings import Settings
from mutualaid.storage.db import connection, is_sqlite, start_storage, stop_storage
from mutualaid.storage.migrate import apply_migrations
from mutualaid.storage.models import Need, Offer

POSTGRES_ENV = "MUTUALAID_BENCH_POSTGRES_URL"
DEFAULT_ROW_SECONDS = 60.0
DEFAULT_QUEUE_VIEWS = ("", "?category=food&area=downtown")


def parse(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.run", description=__doc__)
    parser.add_argument("--db", choices=("sqlite", "postgres"), required=True)
    parser.add_argument("--offers", type=int, default=100_000)
    parser.add_argument("--needs", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=200, help="timed calls per row")
    parser.add_argument(
        "--row-seconds",
        type=float,
        default=DEFAULT_ROW_SECONDS,
        help="stop a slow row early once this many seconds are spent (at least 10 calls)",
    )
    parser.add_argument(
        "--queue-view",
        action="append",
        dest="queue_views",
        metavar="QUERY",
        help='a queue view to time, as a query string ("" is the default view); repeatable',
    )
    parser.add_argument(
        "--analyze",
        action="store_true",
        help="run ANALYZE on SQLite before timing (the app never does; PostgreSQL always is)",
    )
    parser.add_argument(
        "--explain", action="store_true", help="print the plans of the suggestion queries"
    )
    parser.add_argument("--no-doc", action="store_true", help="don't update docs/performance.md")
    parser.add_argument("--keep", action="store_true", help="keep the database afterwards")
    args = parser.parse_args(argv)
    if args.queue_views is None:
        args.queue_views = list(DEFAULT_QUEUE_VIEWS)
    return args


def command_line(args: argparse.Namespace) -> str:
    """The command, with every option that changes the figures spelled out."""
    parts = [
        "python -m benchmarks.run",
        f"--db {args.db}",
        f"--offers {args.offers}",
        f"--needs {args.needs}",
        f"--repeat {args.repeat}",
    ]
    if args.queue_views != list(DEFAULT_QUEUE_VIEWS):
        parts += [f"--queue-view '{view}'" for view in args.queue_views]
    if args.row_seconds != DEFAULT_ROW_SECONDS:
        parts.append(f"--row-seconds {args.row_seconds:g}")
    if args.analyze:
        parts.append("--analyze")
    return " ".join(parts)


def bench_settings(database_url: str, directory: Path) -> Settings:
    """Explicit settings with fresh random secrets; nothing read from this machine."""
    return Settings.model_validate(
        {
            "environment": "development",
            "database_url": database_url,
            "key_file": directory / "keys",
            "codename_key": secrets.token_urlsafe(32),
            "encryption_key": secrets.token_urlsafe(32),
            "session_key": secrets.token_urlsafe(32),
        }
    )


def _pg_url(admin_url: str, name: str) -> str:
    return re.sub(r"/[^/?]*(\?|$)", f"/{name}\\1", admin_url, count=1)


async def _pg_admin(admin_url: str, sql: str) -> None:
    import asyncpg  # type: ignore[import-untyped]

    conn = await asyncpg.connect(re.sub(r"^postgres(ql)?://", "postgresql://", admin_url))
    try:
        await conn.execute(sql)
    finally:
        await conn.close()


@asynccontextmanager
async def fresh_database(args: argparse.Namespace, directory: Path) -> AsyncIterator[str]:
    """A new, empty database URL; dropped afterwards unless --keep."""
    if args.db == "sqlite":
        yield f"sqlite://{directory / 'bench.sqlite3'}"
        return
    admin_url = os.environ.get(POSTGRES_ENV, "")
    if not admin_url:
        raise SystemExit(f"{POSTGRES_ENV} must name a PostgreSQL server (an admin URL)")
    name = f"mutualaid_bench_{uuid.uuid4().hex[:12]}"
    await _pg_admin(admin_url, f'CREATE DATABASE "{name}"')
    try:
        yield _pg_url(admin_url, name)
    finally:
        if args.keep:
            _say(f"kept PostgreSQL database {name}")
        else:
            await _pg_admin(admin_url, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@contextmanager
def work_directory(keep: bool) -> Iterator[Path]:
    if keep:
        path = Path(tempfile.mkdtemp(prefix="mutualaid-bench-"))
        _say(f"keeping files in {path}")
        yield path
    else:
        with tempfile.TemporaryDirectory(prefix="mutualaid-bench-") as name:
            yield Path(name)


STARTED = time.perf_counter()


def _say(text: str) -> None:
    sys.stderr.write(f"[{time.perf_counter() - STARTED:6.1f} s] {text}\n")
    sys.stderr.flush()


async def _scalar(sql: str) -> Any:
    _, rows = await connection().execute_query(sql)
    return next(iter(dict(rows[0]).values()))


async def database_version() -> str:
    if is_sqlite():
        return f"SQLite {await _scalar('SELECT sqlite_version()')}"
    return f"PostgreSQL {await _scalar('SHOW server_version')}"


def machine() -> str:
    cpus = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return (
        f"nproc {cpus}, {platform.machine()}, {platform.system()} {platform.release()}, "
        f"Python {platform.python_version()}"
    )


def load() -> str:
    """The 1-minute load average: other work on the machine slows every figure."""
    return f"{os.getloadavg()[0]:.1f}" if hasattr(os, "getloadavg") else "?"


async def benchmark(args: argparse.Namespace) -> Run:
    with work_directory(args.keep) as directory:
        async with fresh_database(args, directory) as url:
            settings = bench_settings(url, directory)
            _say(f"migrating a fresh {args.db} database")
            await apply_migrations(url)
            await start_storage(url, settings.secret("encryption_key"))
            try:
                return await _seed_and_time(args, settings)
            finally:
                await stop_storage()


async def _seed_and_time(args: argparse.Namespace, settings: Settings) -> Run:
    await load_demo(codename_key=settings.secret("codename_key"))
    _say(f"seeding {args.needs:,} needs and {args.offers:,} offers")
    seeded = await seed(needs=args.needs, offers=args.offers)
    _say(f"seeded in {seeded.seconds:.1f} s")
    if not is_sqlite():
        # What autovacuum does on its own within a minute of a load this size.
        await connection().execute_script("VACUUM ANALYZE")
    elif args.analyze:
        await connection().execute_script("ANALYZE")
    totals = (
        f"the database holds {await Need.filter(status='open').count():,} open needs and "
        f"{await Offer.filter(status='active').count():,} active offers"
    )
    rng = random.Random(7)  # noqa: S311 (which needs to time, not a secret)
    load_before = load()
    _say("timing suggestions_for")
    rows: list[Timing | Skipped] = [
        await time_suggestions(repeat=args.repeat, rng=rng, budget=args.row_seconds)
    ]
    _say("timing the queue page")
    explained: list[str] | None = [] if args.explain else None
    rows += await time_queue(
        settings,
        repeat=args.repeat,
        views=args.queue_views,
        budget=args.row_seconds,
        explain=explained,
    )
    if explained is not None:
        _say(
            "where the time goes:\n" + await explain_suggestions(rng) + "\n" + "\n".join(explained)
        )
    return Run(
        database="SQLite" if args.db == "sqlite" else "PostgreSQL",
        command=command_line(args),
        machine=f"{machine()}, load average {load_before} before timing, {load()} after",
        database_version=await database_version(),
        seeded=seeded,
        totals=totals,
        when=datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        rows=rows,
    )


def main(argv: list[str] | None = None) -> int:
    args = parse(argv)
    run = asyncio.run(benchmark(args))
    text = table(run)
    sys.stdout.write("\n" + text)
    if not args.no_doc:
        update_doc(run, text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
