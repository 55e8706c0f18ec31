"""Two real scheduler processes on one database: each job's slot runs once between them
(PostgreSQL advisory locks; on SQLite, lock files beside the database)."""

from __future__ import annotations

import asyncio
import os
import signal
import sys
from pathlib import Path

from jobs import JOBS
from mutualaid.storage.models import JobRun
from tests.conftest import Database

ROOT = Path(__file__).resolve().parents[2]
READY = "scheduler running"


def _environment(db: Database, tmp_path: Path) -> dict[str, str]:
    settings = db.settings
    env = {
        **os.environ,
        "DATABASE_URL": settings.database_url,
        "MUTUALAID_ENVIRONMENT": "test",
        "MUTUALAID_KEY_FILE": str(tmp_path / "keys"),
    }
    for name in ("codename_key", "encryption_key", "session_key"):
        env[f"MUTUALAID_{name.upper()}"] = getattr(settings, name).get_secret_value()
    env.pop("MUTUALAID_TEST_POSTGRES_URL", None)
    return env


async def _until_ready(process: asyncio.subprocess.Process) -> list[str]:
    lines: list[str] = []
    assert process.stdout is not None
    while line := (await process.stdout.readline()).decode():
        lines.append(line.strip())
        if line.startswith(READY):
            return lines
    raise AssertionError("a scheduler process stopped before it got ready")


async def test_two_schedulers_run_each_job_once(db: Database, tmp_path: Path) -> None:
    env = _environment(db, tmp_path)
    processes = [
        await asyncio.create_subprocess_exec(
            sys.executable,
            "-m",
            "mutualaid",
            "scheduler",
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.DEVNULL,
            env=env,
            cwd=ROOT,
        )
        for _ in range(2)
    ]
    try:
        outputs = await asyncio.wait_for(
            asyncio.gather(*(_until_ready(p) for p in processes)), timeout=90
        )
    finally:
        for process in processes:
            process.send_signal(signal.SIGTERM)
        codes = [await asyncio.wait_for(p.wait(), timeout=30) for p in processes]
    assert codes == [0, 0]
    for name in JOBS:
        slots = await JobRun.filter(job=name, finished=True).values_list("slot", flat=True)
        ran = [
            line
            for lines in outputs
            for line in lines
            if line.startswith(f"{name}: ") and "skipped" not in line
        ]
        # One run per slot, whichever process got it (two slots only if the start straddled
        # a scheduled time).
        assert len(ran) == len(slots) >= 1, name
        if len(slots) == 1:
            skipped = [ln for lines in outputs for ln in lines if ln.startswith(f"{name}: skipped")]
            assert len(skipped) == 1, name
