"""Every job in JOBS has a schedule, a test, and a line in the README."""

from __future__ import annotations

from pathlib import Path

import pytest

from jobs import JOBS
from jobs.runner import trigger_for
from jobs.scheduler import build_scheduler
from tests.conftest import make_settings

ROOT = Path(__file__).resolve().parents[2]
#: The test that proves each job does its work.
JOB_TESTS = {
    "expire": "tests/jobs/test_expire.py",
    "purge": "tests/jobs/test_purge.py",
    "publish-report": "tests/reports/test_publish.py",
}


@pytest.mark.parametrize("name", JOBS)
def test_each_job_has_a_schedule_a_test_and_a_readme_line(name: str) -> None:
    job = JOBS[name]
    assert trigger_for(job) is not None  # a valid crontab
    assert name in (ROOT / JOB_TESTS[name]).read_text()
    assert f"| `{name}` | `{job.cron}` |" in (ROOT / "README.md").read_text()


def test_the_scheduler_runs_every_job_on_its_cron_self_healing(tmp_path: Path) -> None:
    scheduler = build_scheduler(make_settings(tmp_path))
    scheduled = {job.id: job for job in scheduler.get_jobs()}
    assert set(scheduled) == set(JOBS)
    for name, job in scheduled.items():
        assert str(job.trigger) == str(trigger_for(JOBS[name]))
        assert job.misfire_grace_time is None
        assert job.coalesce is True
        assert job.max_instances == 1


def test_reports_are_published_monthly_and_the_purge_hourly() -> None:
    assert JOBS["publish-report"].cron.split()[2:4] == ["1", "*"]
    assert JOBS["purge"].cron.split()[1:] == ["*", "*", "*", "*"]
    assert all(job.at_start for job in JOBS.values())
