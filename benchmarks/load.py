"""`python -m benchmarks.load --db sqlite|postgres`: load and soak, with an optional crash.

Mixed traffic (benchmarks/traffic.py) at `--connections` for `--minutes` against the app
served by uvicorn: one worker on SQLite, four on PostgreSQL by default. Then, with the
server stopped, the database is checked (benchmarks/invariants.py): every acknowledged need
is there, and nothing is half-applied. `--crash-after S` SIGKILLs every server process S
seconds in, starts the server again at once and carries on (benchmarks/crash.py is this
with a crash half-way). Exits 1 on any 5xx, lost need or broken invariant.

PostgreSQL: the server named by MUTUALAID_BENCH_POSTGRES_URL (an admin URL); a database is
created for the run and dropped after. The server's rate limits are lifted (one client
address would otherwise be throttled within seconds), and the scheduler is off.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from benchmarks.invariants import Snapshot, broken, snapshot
from benchmarks.run import bench_settings, fresh_database, load, machine, work_directory
from benchmarks.serving import Server, app_environment, free_port, serve_command
from benchmarks.staff_session import coordinator_session
from benchmarks.traffic import Tally, run_traffic
from mutualaid.services.demo import load_demo
from mutualaid.settings import Settings
from mutualaid.storage.db import start_storage, stop_storage
from mutualaid.storage.migrate import apply_migrations


@dataclass
class Outcome:
    tally: Tally
    problems: list[str]
    seconds: float
    workers: int
    crashed_at: float | None
    #: How long the server took to answer again after the kill (start-up included).
    restart_seconds: float | None = None
    notes: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """No 5xx, nothing lost or half-applied, and (without a crash) every request answered."""
        answered = self.crashed_at is not None or not self.tally.unanswered
        return not self.problems and self.tally.server_errors == 0 and answered

    def summary(self) -> str:
        lines = [
            f"{self.seconds:.0f} s of traffic, {self.workers} worker(s): {self.tally.summary()}",
            f"{self.tally.answered / self.seconds:,.1f} answers/s",
        ]
        if self.crashed_at is not None:
            lines.append(
                f"SIGKILL at {self.crashed_at:.1f} s, answering again after "
                f"{self.restart_seconds or 0:.1f} s"
            )
        lines.append(
            "invariants: all hold" if not self.problems else "BROKEN: " + "; ".join(self.problems)
        )
        lines.append(f"5xx answers: {self.tally.server_errors}")
        return "\n".join(lines)


async def prepare(settings: Settings) -> tuple[Snapshot, str]:
    """A migrated database with the demo places, a signed-in coordinator, and the snapshot
    the invariants are checked against."""
    await apply_migrations(settings.database_url)
    await start_storage(settings.database_url, settings.secret("encryption_key"))
    try:
        await load_demo(codename_key=settings.secret("codename_key"))
        session = await coordinator_session(settings)
        return await snapshot(), session
    finally:
        await stop_storage()


async def verify(settings: Settings, before: Snapshot, tally: Tally) -> list[str]:
    await start_storage(settings.database_url, settings.secret("encryption_key"))
    try:
        return await broken(before, tally.acknowledged, settings.secret("codename_key"))
    finally:
        await stop_storage()


async def _crash(server: Server, after: float, outcome: Outcome) -> None:
    """SIGKILL every server process `after` seconds in, then start it again on its port."""
    await asyncio.sleep(after)
    await asyncio.to_thread(server.kill)
    killed = time.monotonic()
    await asyncio.to_thread(server.start)
    outcome.restart_seconds = time.monotonic() - killed


async def run_load(
    settings: Settings,
    *,
    workers: int,
    connections: int,
    seconds: float,
    crash_after: float | None = None,
) -> Outcome:
    """Traffic against a fresh server on `settings`' database, then the invariants."""
    before, session = await prepare(settings)
    port = free_port()
    server = Server(serve_command(port, workers=workers), app_environment(settings), port)
    outcome = Outcome(Tally(), [], seconds, workers, crash_after)
    await asyncio.to_thread(server.start)
    try:
        traffic = run_traffic(server.base_url, session, connections=connections, seconds=seconds)
        if crash_after is None:
            outcome.tally = await traffic
        else:
            outcome.tally, _ = await asyncio.gather(traffic, _crash(server, crash_after, outcome))
    finally:
        await asyncio.to_thread(server.stop)
    outcome.problems = await verify(settings, before, outcome.tally)
    return outcome


def parse(argv: list[str] | None, *, crash: bool = False) -> argparse.Namespace:
    prog = "python -m benchmarks.crash" if crash else "python -m benchmarks.load"
    parser = argparse.ArgumentParser(prog=prog, description=__doc__)
    parser.add_argument("--db", choices=("sqlite", "postgres"), required=True)
    parser.add_argument("--minutes", type=float, default=1.0 if crash else 10.0)
    parser.add_argument("--connections", type=int, default=50)
    parser.add_argument(
        "--workers", type=int, help="uvicorn workers (default: 1 on SQLite, 4 on PostgreSQL)"
    )
    parser.add_argument(
        "--crash-after",
        type=float,
        help="SIGKILL the server this many seconds in, restart it and carry on"
        + (" (default: half-way)" if crash else ""),
    )
    parser.add_argument("--keep", action="store_true", help="keep the database afterwards")
    args = parser.parse_args(argv)
    if args.workers is None:
        args.workers = 1 if args.db == "sqlite" else 4
    if crash and args.crash_after is None:
        args.crash_after = args.minutes * 30
    return args


async def _run(args: argparse.Namespace, directory: Path) -> Outcome:
    async with fresh_database(args, directory) as url:
        return await run_load(
            bench_settings(url, directory),
            workers=args.workers,
            connections=args.connections,
            seconds=args.minutes * 60,
            crash_after=args.crash_after,
        )


def main(argv: list[str] | None = None, *, crash: bool = False) -> int:
    args = parse(argv, crash=crash)
    started_load = load()
    with work_directory(args.keep) as directory:
        outcome = asyncio.run(_run(args, directory))
    sys.stdout.write(
        f"{args.db}, {args.connections} connections; {machine()}, load average "
        f"{started_load} before, {load()} after\n{outcome.summary()}\n"
    )
    return 0 if outcome.ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
