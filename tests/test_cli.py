"""The command line, run as an operator would: migrate, demo data, create-staff, jobs."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pyotp

ROOT = Path(__file__).resolve().parents[1]


def _run(tmp_path: Path, *args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite://{tmp_path}/db.sqlite3",
        "MUTUALAID_KEY_FILE": str(tmp_path / "keys"),
    }
    env.pop("MUTUALAID_TEST_POSTGRES_URL", None)
    return subprocess.run(
        [sys.executable, "-m", "mutualaid", *args],
        input=stdin,
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=120,
        check=False,
    )


def test_a_new_install_gets_demo_data_and_a_clearly_marked_demo_login(tmp_path: Path) -> None:
    assert _run(tmp_path, "migrate").returncode == 0
    first = _run(tmp_path, "demo")
    assert first.returncode == 0
    assert "DEMO ONLY" in first.stdout and "demo-coordinator" in first.stdout
    again = _run(tmp_path, "demo")
    assert "DEMO ONLY" not in again.stdout  # printed only when created
    code = _run(tmp_path, "demo-code").stdout.strip()
    assert code.isdigit() and len(code) == 6
    assert pyotp.TOTP("DEMOCOORDINATORTOTPSECRETABCD234").verify(code, valid_window=1)
    with sqlite3.connect(tmp_path / "db.sqlite3") as db:
        pledges = db.execute("SELECT count(*) FROM offer WHERE organization_id IS NOT NULL")
        assert pledges.fetchone()[0] == 1


def test_create_staff_makes_the_first_admin(tmp_path: Path) -> None:
    _run(tmp_path, "migrate")
    made = _run(tmp_path, "create-staff", "--username", "first-admin", "--role", "admin")
    assert made.returncode == 0, made.stdout
    assert "first password" in made.stdout
    taken = _run(tmp_path, "create-staff", "--username", "first-admin")
    assert taken.returncode == 1 and "taken" in taken.stdout
    weak = _run(
        tmp_path, "create-staff", "--username", "x-admin", "--password-stdin", stdin="short\n"
    )
    assert weak.returncode == 1
    with sqlite3.connect(tmp_path / "db.sqlite3") as db:
        rows = db.execute("SELECT username, role, password_hash FROM staff_user").fetchall()
    assert [(u, r) for u, r, _ in rows] == [("first-admin", "admin")]
    assert rows[0][2].startswith("$argon2id$")


def test_jobs_run_from_the_command_line(tmp_path: Path) -> None:
    _run(tmp_path, "migrate")
    listed = _run(tmp_path, "jobs", "list")
    assert all(name in listed.stdout for name in ("expire", "purge", "publish-report"))
    ran = _run(tmp_path, "jobs", "run", "purge")
    assert ran.returncode == 0 and ran.stdout.startswith("purge: 0 needs, 0 messages")
    published = _run(tmp_path, "jobs", "run", "publish-report")
    assert published.returncode == 0 and "reports published" in published.stdout
    assert _run(tmp_path, "jobs", "run", "nope").returncode == 2
