"""The command line, and the composition root:
`mutualaid serve | scheduler | migrate | demo | jobs | backup | restore | export-what-we-hold`."""

from __future__ import annotations

import argparse
import asyncio
import logging
import sys
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any, TypeVar

from mutualaid.logging_config import configure_logging, logging_config
from mutualaid.services.staff import Passwords
from mutualaid.settings import Settings, load_settings

log = logging.getLogger("mutualaid")
T = TypeVar("T")


def _say(text: str) -> None:
    """Command output for the operator (never content about people)."""
    sys.stdout.write(text + "\n")
    sys.stdout.flush()


async def _with_storage(settings: Settings, work: Callable[[], Awaitable[T]]) -> T:
    from mutualaid.services.storage_lifetime import storage_open

    async with storage_open(settings):
        return await work()


def migrate(settings: Settings) -> None:
    from mutualaid.storage.migrate import apply_migrations

    applied = asyncio.run(apply_migrations(settings.database_url))
    _say(f"migrations applied: {len(applied)}" + (f" ({', '.join(applied)})" if applied else ""))


def passwords_for(settings: Settings) -> Passwords:
    return Passwords(
        memory_kib=settings.argon2_memory_kib,
        time_cost=settings.argon2_time_cost,
        parallelism=settings.argon2_parallelism,
    )


def demo(settings: Settings) -> None:
    from mutualaid.domain.clock import now
    from mutualaid.services import demo as demo_data

    async def load() -> tuple[bool, bool, int]:
        places = await demo_data.load_demo(codename_key=settings.secret("codename_key"))
        people, history = False, 0
        if settings.environment != "production":
            people = await demo_data.load_demo_staff(passwords_for(settings))
            if places:
                # Simulated counters only, so /reports shows months once publish-report runs.
                history = await demo_data.load_demo_history(at=now())
        return places, people, history

    places, people, history = asyncio.run(_with_storage(settings, load))
    _say("demo areas, categories and offers loaded" if places else "database already has data")
    if history:
        _say(
            f"demo report counters for the last {demo_data.DEMO_HISTORY_MONTHS} complete months"
            " loaded (simulated totals, no records): `mutualaid jobs run publish-report`"
        )
    if people:
        coordinator, member = demo_data.DEMO_COORDINATOR, demo_data.DEMO_ORGANIZATION_MEMBER
        _say(
            "\n  DEMO ONLY: published passwords; these accounts are refused in production.\n"
            f"  Coordinator:          {coordinator[0]} / {coordinator[1]}\n"
            f"    second-factor key:  {demo_data.DEMO_TOTP_SECRET}"
            "  (or run `.venv/bin/mutualaid demo-code`)\n"
            f"  Organization member:  {member[0]} / {member[1]}\n"
            "  Sign in at /staff/login\n"
        )


def demo_code(settings: Settings) -> int:
    """The demo coordinator's current sign-in code (demo accounts only, never production)."""
    import pyotp

    from mutualaid.services.demo import DEMO_TOTP_SECRET

    if settings.environment == "production":
        _say("demo accounts don't exist in production")
        return 2
    _say(pyotp.TOTP(DEMO_TOTP_SECRET).now())
    return 0


def create_staff(settings: Settings, *, username: str, role: str, password_stdin: bool) -> int:
    """The first admin (or any coordinator) from the command line."""
    from mutualaid.domain.codenames import generate_codename
    from mutualaid.domain.staff import Role
    from mutualaid.services import staff as accounts

    password = sys.stdin.readline().rstrip("\n") if password_stdin else generate_codename()
    try:
        asyncio.run(
            _with_storage(
                settings,
                lambda: accounts.create_staff(
                    passwords_for(settings), username=username, password=password, role=Role(role)
                ),
            )
        )
    except accounts.UsernameTaken:
        _say(f"the username {username!r} is taken")
        return 1
    except accounts.WeakPassword as problem:
        _say(f"that password can't be used ({problem.reason}); use at least 15 characters")
        return 1
    _say(f"created {role} {username!r}; they set up a second factor at first sign-in")
    if not password_stdin:
        _say(f"first password (shown once, change it after signing in): {password}")
    return 0


def run_job(settings: Settings, name: str) -> int:
    from jobs import JOBS
    from jobs.runner import run_by_hand

    job = JOBS.get(name)
    if job is None:
        _say(f"unknown job {name!r}; jobs: {', '.join(JOBS)}")
        return 2
    outcome = asyncio.run(_with_storage(settings, lambda: run_by_hand(job, settings)))
    _say(outcome.describe())
    return 0 if outcome.ran else 1


def export_what_we_hold(settings: Settings, *, as_json: bool) -> int:
    """What a data request could obtain: tables, fields and counts, never content."""
    from mutualaid.services.what_we_hold import gather_holdings, holdings_json, holdings_text

    holdings = asyncio.run(_with_storage(settings, lambda: gather_holdings(settings)))
    _say(holdings_json(holdings) if as_json else holdings_text(holdings))
    return 0


def scheduler(settings: Settings) -> None:
    """The jobs alone, for deployments whose web processes run with --no-scheduler."""
    from jobs.scheduler import run_alone

    migrate(settings)
    asyncio.run(run_alone(settings, say=_say))


def serve(
    settings: Settings,
    *,
    host: str,
    port: int,
    with_demo: bool,
    with_scheduler: bool = True,
    workers: int = 1,
) -> None:
    import uvicorn

    from mutualaid.web.app import create_app

    # Here, once, before any worker starts: workers never migrate or load data themselves
    # (two processes running DDL at once fail on PostgreSQL).
    migrate(settings)
    if with_demo:
        demo(settings)
    plural = f" with {workers} workers" if workers > 1 else ""
    _say(f"mutualaid is serving on http://{host}:{port}{plural}  (Ctrl+C stops it)")
    options: dict[str, Any] = {
        "host": host,
        "port": port,
        # The same privacy logging in every worker: uvicorn applies it in each process.
        "log_config": logging_config(),
        "access_log": False,  # privacy promise 2: no record of who visited what
        "server_header": False,
        "proxy_headers": False,
        "date_header": True,
    }
    if workers == 1:
        uvicorn.run(create_app(settings, scheduler=with_scheduler), **options)
        return
    # Worker processes build their own app from the same environment and key file.
    factory = "with_scheduler" if with_scheduler else "without_scheduler"
    uvicorn.run(f"mutualaid.web.asgi:{factory}", factory=True, workers=workers, **options)


def backup(settings: Settings, destination: Path) -> int:
    from mutualaid.domain.clock import now
    from mutualaid.services.backup import make_backup
    from mutualaid.storage.backup import BackupToolError

    try:
        receipt = make_backup(settings, destination, at=now())
    except (BackupToolError, FileNotFoundError, ValueError) as problem:
        _say(f"no backup made: {problem}")
        return 1
    _say(f"backup sealed with the backup key: {receipt.path} ({receipt.size} bytes)")
    for old in receipt.removed:
        _say(f"deleted a backup older than the purge horizon: {old.name}")
    return 0


def restore(settings: Settings, source: Path) -> int:
    """Replace the database with a backup, then bring it up to date and purge at once."""
    from jobs import JOBS
    from jobs.runner import Outcome, run_by_hand
    from mutualaid.domain.clock import now
    from mutualaid.services.backup import BackupRefused, restore_backup
    from mutualaid.storage.backup import BackupToolError

    try:
        header = restore_backup(settings, source, at=now())
    except (BackupRefused, BackupToolError) as problem:
        _say(f"not restored: {problem}")
        return 1
    except FileNotFoundError:
        _say(f"not restored: there is no file {source}")
        return 1
    _say(f"restored the backup made {header.created_at:%Y-%m-%d %H:%M} UTC")
    migrate(settings)

    async def catch_up() -> list[Outcome]:
        # Expire, then purge: what the database deleted since the backup was made, and
        # anything past its retention, is gone again before anyone can see it.
        return [await run_by_hand(JOBS[name], settings) for name in ("expire", "purge")]

    for outcome in asyncio.run(_with_storage(settings, catch_up)):
        _say(outcome.describe())
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="mutualaid", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    serve_cmd = commands.add_parser("serve", help="apply migrations and serve the app")
    serve_cmd.add_argument("--host", default="127.0.0.1")
    serve_cmd.add_argument("--port", type=int, default=8000)
    serve_cmd.add_argument(
        "--demo", action="store_true", help="load demo data first if the database is new"
    )
    serve_cmd.add_argument(
        "--no-scheduler",
        action="store_true",
        help="don't run the scheduled jobs here (run `mutualaid scheduler` once instead)",
    )
    serve_cmd.add_argument(
        "--workers",
        type=int,
        default=1,
        choices=range(1, 65),
        metavar="N",
        help="worker processes (several need PostgreSQL to be worth it; see docs/deploy.md)",
    )
    commands.add_parser(
        "scheduler", help="run the scheduled jobs alone (start-up runs, then on schedule)"
    )
    backup_cmd = commands.add_parser(
        "backup", help="write an encrypted backup (into a directory: also delete expired ones)"
    )
    backup_cmd.add_argument("path", type=Path, help="a file to write, or a directory")
    restore_cmd = commands.add_parser(
        "restore", help="replace the database with a backup, then purge (stop the app first)"
    )
    restore_cmd.add_argument("path", type=Path, help="the backup file")
    commands.add_parser("migrate", help="apply database migrations")
    commands.add_parser("demo", help="load demo areas, categories and offers into a new database")
    staff_cmd = commands.add_parser("create-staff", help="create an admin or coordinator account")
    staff_cmd.add_argument("--username", required=True)
    staff_cmd.add_argument("--role", choices=["admin", "coordinator"], default="admin")
    staff_cmd.add_argument(
        "--password-stdin", action="store_true", help="read the password from standard input"
    )
    commands.add_parser("demo-code", help="print the demo coordinator's current sign-in code")
    hold_cmd = commands.add_parser(
        "export-what-we-hold",
        help="print what a data request could obtain: tables, fields and counts, never content",
    )
    hold_cmd.add_argument("--json", action="store_true", help="print JSON instead of text")
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
        serve(
            settings,
            host=args.host,
            port=args.port,
            with_demo=args.demo,
            with_scheduler=not args.no_scheduler,
            workers=args.workers,
        )
    elif args.command == "backup":
        return backup(settings, args.path)
    elif args.command == "restore":
        return restore(settings, args.path)
    elif args.command == "scheduler":
        scheduler(settings)
    elif args.command == "migrate":
        migrate(settings)
    elif args.command == "demo":
        demo(settings)
    elif args.command == "demo-code":
        return demo_code(settings)
    elif args.command == "export-what-we-hold":
        return export_what_we_hold(settings, as_json=args.json)
    elif args.command == "create-staff":
        return create_staff(
            settings, username=args.username, role=args.role, password_stdin=args.password_stdin
        )
    elif args.command == "jobs":
        if args.jobs_command == "list":
            from jobs import JOBS

            for job in JOBS.values():
                _say(f"{job.name:15} {job.cron:14} {job.description}")
            return 0
        return run_job(settings, args.name)
    return 0
