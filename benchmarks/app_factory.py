"""`uvicorn --factory benchmarks.app_factory:app`: the app built from the environment.

What `mutualaid serve` builds, minus migrations (applied once before the server starts) and
minus the scheduler (see benchmarks/serving.py), so uvicorn's `--workers N` can run it.
"""

from __future__ import annotations

from mutualaid.logging_config import configure_logging
from mutualaid.settings import load_settings
from mutualaid.web.app import MutualAidApp, create_app


def app() -> MutualAidApp:
    configure_logging()
    return create_app(load_settings(), scheduler=False)
