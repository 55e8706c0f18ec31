"""Time as we store it about community members: UTC, never finer than the hour."""

from __future__ import annotations

from datetime import UTC, date, datetime


def now() -> datetime:
    return datetime.now(UTC)


def to_hour(moment: datetime) -> datetime:
    """Privacy promise 2: times about community members are kept no finer than the hour."""
    return moment.astimezone(UTC).replace(minute=0, second=0, microsecond=0)


def this_hour() -> datetime:
    return to_hour(now())


def today() -> date:
    return now().date()


def month_of(moment: datetime) -> str:
    """The counter period for a moment: `YYYY-MM` in UTC."""
    return moment.astimezone(UTC).strftime("%Y-%m")
