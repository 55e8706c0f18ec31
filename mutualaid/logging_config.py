"""Logging that records events and ids, never people (privacy promise 2).

No access log (it would hold client addresses and paths), SQL logging held at WARNING
(Tortoise logs parameter values, i.e. people's words, at DEBUG), and tracebacks
without exception messages, which can quote input.
"""

from __future__ import annotations

import logging
import logging.config
import traceback
from types import TracebackType
from typing import Any

ExcInfo = tuple[type[BaseException], BaseException, TracebackType | None]


class NoMessageFormatter(logging.Formatter):
    """Print where an error happened and its type, but not its message or locals."""

    def formatException(self, ei: Any) -> str:
        kind, _, tb = ei
        frames = traceback.extract_tb(tb)
        lines = [f'  File "{f.filename}", line {f.lineno}, in {f.name}' for f in frames]
        return "Traceback (most recent call last):\n" + "\n".join(lines) + f"\n{kind.__name__}"


def logging_config(level: str = "INFO") -> dict[str, Any]:
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {
            "plain": {
                "()": NoMessageFormatter,
                "format": "%(asctime)s %(levelname)s %(name)s: %(message)s",
            }
        },
        "handlers": {"stderr": {"class": "logging.StreamHandler", "formatter": "plain"}},
        "root": {"handlers": ["stderr"], "level": level},
        "loggers": {
            "uvicorn.access": {"handlers": [], "level": "CRITICAL", "propagate": False},
            "uvicorn.error": {"level": "INFO"},
            "tortoise": {"level": "WARNING"},
            "tortoise.db_client": {"level": "WARNING"},
            "aiosqlite": {"level": "WARNING"},
            "asyncpg": {"level": "WARNING"},
            "aerich": {"level": "WARNING"},
        },
    }


def configure_logging(level: str = "INFO") -> None:
    logging.config.dictConfig(logging_config(level))
