"""Two real scheduler processes on one database: each job's slot runs once between them
(PostgreSQL advisory locks; on SQLite, lock files beside the database)."""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
import time
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


def _until_ready(process: subprocess.Popen[str], deadline: float) -> list[str]:
    lines: list[str] = []
    assert process.stdout is not None
    while time.monotonic() < deadline:
        line = process.stdout.readline()
        if not line:
            break
        lines.append(line.strip())
        if line.startswith(READY):
            return lines
    raise AssertionError("a scheduler process never got ready")


async def test_two_schedulers_run_each_job_once(db: Database, tmp_path: Path) -> None:
    env = _environment(db, tmp_path)
    processes = [
        subprocess.Popen(
            [sys.executable, "-m", "mutualaid", "scheduler"],
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
            env=env,
            cwd=ROOT,
        )
        for _ in range(2)
    ]
    try:
        deadline = time.monotonic() + 90
        outputs = await asyncio.gather(
            *(asyncio.to_thread(_until_ready, p, deadline) for p in processes)
        )
    finally:
        for process in processes:
            process.send_signal(signal.SIGTERM)
        for process in processes:
            code = process.wait(timeout=30)
            assert process.stdout is not None
            process.stdout.close()
            assert code == 0
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
