"""The command line, and the composition root: `mutualaid serve | migrate | demo | jobs`."""

from __future__ import annotations

import argparse
import asyncio
import logging
import sys
from collections.abc import Awaitable, Callable
from typing import TypeVar

from mutualaid.logging_config import configure_logging, logging_config
from mutualaid.settings import Settings, load_settings

log = logging.getLogger("mutualaid")
T = TypeVar("T")


def _say(text: str) -> None:
    """Command output for the operator (never content about people)."""
    sys.stdout.write(text + "\n")
    sys.stdout.flush()


async def _with_storage(settings: Settings, work: Callable[[], Awaitable[T]]) -> T:
    from mutualaid.storage.db import start_storage, stop_storage

    await start_storage(settings.database_url, settings.secret("encryption_key"))
    try:
        return await work()
    finally:
        await stop_storage()


def migrate(settings: Settings) -> None:
    from mutualaid.storage.migrate import apply_migrations

    applied = asyncio.run(apply_migrations(settings.database_url))
    _say(f"migrations applied: {len(applied)}" + (f" ({', '.join(applied)})" if applied else ""))


def demo(settings: Settings) -> None:
    from mutualaid.services.demo import load_demo

    loaded = asyncio.run(
        _with_storage(settings, lambda: load_demo(codename_key=settings.secret("codename_key")))
    )
    _say("demo areas, categories and offers loaded" if loaded else "database already has data")


def run_job(settings: Settings, name: str) -> int:
    from jobs import JOBS

    job = JOBS.get(name)
    if job is None:
        _say(f"unknown job {name!r}; jobs: {', '.join(JOBS)}")
        return 2
    _say(asyncio.run(_with_storage(settings, lambda: job.run(settings))))
    return 0


def serve(settings: Settings, *, host: str, port: int, with_demo: bool) -> None:
    import uvicorn

    from mutualaid.web.app import create_app

    migrate(settings)
    if with_demo:
        demo(settings)
    _say(f"mutualaid is serving on http://{host}:{port}  (Ctrl+C stops it)")
    uvicorn.run(
        create_app(settings),
        host=host,
        port=port,
        log_config=logging_config(),
        access_log=False,  # privacy promise 2: no record of who visited what
        server_header=False,
        proxy_headers=False,
        date_header=True,
    )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="mutualaid", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    serve_cmd = commands.add_parser("serve", help="apply migrations and serve the app")
    serve_cmd.add_argument("--host", default="127.0.0.1")
    serve_cmd.add_argument("--port", type=int, default=8000)
    serve_cmd.add_argument(
        "--demo", action="store_true", help="load demo data first if the database is new"
    )
    commands.add_parser("migrate", help="apply database migrations")
    commands.add_parser("demo", help="load demo areas, categories and offers into a new database")
    jobs_cmd = commands.add_parser("jobs", help="scheduled jobs")
    jobs_sub = jobs_cmd.add_subparsers(dest="jobs_command", required=True)
    jobs_sub.add_parser("list", help="list the jobs and their schedules")
    run_cmd = jobs_sub.add_parser("run", help="run one job now")
    run_cmd.add_argument("name")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    configure_logging()
    settings = load_settings()
    if args.command == "serve":
        serve(settings, host=args.host, port=args.port, with_demo=args.demo)
    elif args.command == "migrate":
        migrate(settings)
    elif args.command == "demo":
        demo(settings)
    elif args.command == "jobs":
        if args.jobs_command == "list":
            from jobs import JOBS

            for job in JOBS.values():
                _say(f"{job.name:10} {job.cron:14} {job.description}")
            return 0
        return run_job(settings, args.name)
    return 0
