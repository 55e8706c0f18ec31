"""Report tests share the job tests' helpers."""

from tests.jobs.conftest import key

__all__ = ["key"]
