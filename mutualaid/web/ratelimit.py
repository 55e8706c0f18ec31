"""Rate limits that never store an address (privacy promise 2, requirement R19).

Each client is counted under HMAC(key, bucket, address), where the key lives only in
this process's memory and is replaced every hour, dropping every count with it. The
address itself is never kept, logged or written anywhere. Behind a proxy or an onion
service every client shares one address, so a global limit per bucket backs this up.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from starlette.requests import Request

ROTATE_SECONDS = 3600


class RateLimited(Exception):
    """Too many attempts from one client, or from everyone at once, in this window."""


@dataclass(frozen=True)
class Limit:
    per_client: int
    overall: int
    window_seconds: int


@dataclass
class RateLimiter:
    limits: dict[str, Limit]
    clock: Callable[[], float] = time.monotonic
    _key: bytes = field(default_factory=lambda: secrets.token_bytes(32), repr=False)
    _key_born: float = field(default=-1.0, repr=False)
    _counts: dict[tuple[str, bytes, int], int] = field(default_factory=dict, repr=False)
    _pruned_at: float = field(default=-1.0, repr=False)

    def _rotate_if_due(self, now: float) -> None:
        if self._key_born < 0:
            self._key_born = now
        if now - self._key_born >= ROTATE_SECONDS:
            self._key = secrets.token_bytes(32)
            self._key_born = now
            self._counts.clear()

    def hit(self, bucket: str, client: str) -> None:
        """Count one attempt; raise RateLimited past either limit."""
        limit = self.limits[bucket]
        now = self.clock()
        self._rotate_if_due(now)
        window = int(now // limit.window_seconds)
        if now - self._pruned_at >= 60:
            self._prune(now)
        digest = hmac.new(self._key, f"{bucket}\0{client}".encode(), hashlib.sha256).digest()[:8]
        everyone = (bucket, b"", window)
        one = (bucket, digest, window)
        if self._counts.get(everyone, 0) >= limit.overall:
            raise RateLimited(bucket)
        if self._counts.get(one, 0) >= limit.per_client:
            raise RateLimited(bucket)
        self._counts[everyone] = self._counts.get(everyone, 0) + 1
        self._counts[one] = self._counts.get(one, 0) + 1

    def _prune(self, now: float) -> None:
        """Forget windows that have passed, so memory stays flat."""
        self._pruned_at = now
        current = {b: int(now // lim.window_seconds) for b, lim in self.limits.items()}
        self._counts = {k: v for k, v in self._counts.items() if k[2] >= current[k[0]]}

    def stored_keys(self) -> list[tuple[str, bytes, int]]:
        """For tests: what the limiter holds (buckets, truncated HMACs, window numbers)."""
        return list(self._counts)


def hit(request: Request, bucket: str) -> None:
    """Count this request against `bucket`; the address is read here only, then dropped."""
    client = request.scope.get("client")
    address = client[0] if client else ""
    limiter: RateLimiter = request.app.state.rate_limiter
    limiter.hit(bucket, address)
