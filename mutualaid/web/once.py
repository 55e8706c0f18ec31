"""Refusing the same form twice (a double click or a reload), in memory only."""

from __future__ import annotations

import secrets
import time
from collections.abc import Callable
from dataclasses import dataclass, field

KEEP_SECONDS = 3600
MAX_REMEMBERED = 50_000


def new_form_id() -> str:
    return secrets.token_urlsafe(16)


@dataclass
class SeenForms:
    """Random form ids already used. They say nothing about anyone; forgotten within the hour."""

    clock: Callable[[], float] = time.monotonic
    _seen: dict[str, float] = field(default_factory=dict)

    def first_time(self, form_id: str) -> bool:
        """True the first time an id is presented; malformed ids count as new."""
        now = self.clock()
        oldest = next(iter(self._seen.values()), now)
        if len(self._seen) > MAX_REMEMBERED or oldest < now - KEEP_SECONDS:
            self._seen = {k: t for k, t in self._seen.items() if t >= now - KEEP_SECONDS}
        if not 16 <= len(form_id) <= 64:
            return True
        if form_id in self._seen:
            return False
        self._seen[form_id] = now
        return True

    def forget(self, form_id: str) -> None:
        """The submission was refused after all, so the same form may be sent again."""
        self._seen.pop(form_id, None)
