"""The app for uvicorn's worker processes (`mutualaid serve --workers N`).

Each worker is a fresh Python process: it reads the same environment and key file as the
parent (which created the key file and ran the migrations before any worker started), so
every worker holds the same secrets and signs and checks CSRF tokens and sessions alike.
"""

from __future__ import annotations

from mutualaid.settings import load_settings
from mutualaid.web.app import MutualAidApp, create_app


def with_scheduler() -> MutualAidApp:
    """A worker that runs the schedule if it wins the leader lock (jobs.leader)."""
    return create_app(load_settings(), scheduler=True)


def without_scheduler() -> MutualAidApp:
    """A worker that never runs jobs (`--no-scheduler`: `mutualaid scheduler` runs them)."""
    return create_app(load_settings(), scheduler=False)
