"""Timing what coordinators wait for: suggestions for a need, and the queue page.

Each row reports wall-clock time (what a coordinator waits) and this process's CPU time.
On SQLite the database runs inside this process, so CPU time is nearly the whole cost and
stays honest when other work shares the machine; on PostgreSQL it leaves out the server.
"""

from __future__ import annotations

import random
import statistics
import time
import uuid
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from functools import partial

import httpx2
import pyotp
from starlette.routing import Route
from starlette.types import ASGIApp, Receive, Scope, Send

from benchmarks.explain import explain_call
from mutualaid.domain.staff import Role
from mutualaid.services.matching import suggestions_for
from mutualaid.services.staff import Passwords, create_staff, sign_in, verify_second_factor
from mutualaid.settings import Settings
from mutualaid.storage.models import Need
from mutualaid.web.app import create_app

QUEUE_PATH = "/staff/queue"
WARM_UP = 20
#: A slow row stops early (with at least this many samples) once its time budget is spent.
MIN_SAMPLES = 10
COORDINATOR = "bench-coordinator"
COORDINATOR_PASSWORD = "a long benchmark coordinator password 7"  # noqa: S105 (throwaway db)


@dataclass(frozen=True)
class Timing:
    """One measured row: what, how often, and the times in milliseconds."""

    name: str
    count: int
    median_ms: float
    p95_ms: float
    cpu_median_ms: float
    note: str = ""


@dataclass(frozen=True)
class Skipped:
    """A row that could not be measured, and why."""

    name: str
    reason: str


@dataclass(frozen=True)
class Sample:
    wall: float
    cpu: float


def summarize(name: str, samples: list[Sample], note: str = "") -> Timing:
    ms = sorted(s.wall * 1000 for s in samples)
    p95 = statistics.quantiles(ms, n=20, method="inclusive")[18] if len(ms) > 1 else ms[0]
    cpu = statistics.median(s.cpu * 1000 for s in samples)
    return Timing(name, len(ms), statistics.median(ms), p95, cpu, note)


async def measured(call: Callable[[], Awaitable[object]]) -> tuple[Sample, object]:
    wall, cpu = time.perf_counter(), time.process_time()
    result = await call()
    return Sample(time.perf_counter() - wall, time.process_time() - cpu), result


async def time_suggestions(*, repeat: int, rng: random.Random, budget: float) -> Timing:
    """`suggestions_for` on random open needs, after a warm-up on other random needs."""
    ids: list[uuid.UUID] = list(await Need.filter(status="open").values_list("id", flat=True))  # type: ignore[arg-type]
    picked = rng.sample(ids, k=min(len(ids), repeat + WARM_UP))
    for need_id in picked[:WARM_UP]:
        await suggestions_for(need_id)
    samples: list[Sample] = []
    found = 0
    deadline = time.perf_counter() + budget
    for need_id in picked[WARM_UP:]:
        sample, suggestions = await measured(partial(suggestions_for, need_id))
        samples.append(sample)
        found += len(suggestions)  # type: ignore[arg-type]
        if len(samples) >= MIN_SAMPLES and time.perf_counter() > deadline:
            break
    note = f"{found / max(len(samples), 1):.1f} suggestions per need on average"
    return summarize("suggestions_for(need_id), random open need", samples, note)


class ServerTimer:
    """Wraps the app and records how long each request took inside it (no client overhead)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app
        self.last = Sample(0.0, 0.0)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        wall, cpu = time.perf_counter(), time.process_time()
        await self.app(scope, receive, send)
        self.last = Sample(time.perf_counter() - wall, time.process_time() - cpu)


def has_route(app: ASGIApp, path: str) -> bool:
    routes = getattr(app, "routes", [])
    return any(isinstance(r, Route) and r.path == path for r in routes)


async def signed_in_coordinator(settings: Settings) -> str:
    """A coordinator with TOTP, signed in through the real services; returns the session token."""
    passwords = Passwords(
        memory_kib=settings.argon2_memory_kib,
        time_cost=settings.argon2_time_cost,
        parallelism=settings.argon2_parallelism,
    )
    secret = pyotp.random_base32()
    await create_staff(
        passwords,
        username=COORDINATOR,
        password=COORDINATOR_PASSWORD,
        role=Role.COORDINATOR,
        totp_secret=secret,
    )
    first = await sign_in(passwords, username=COORDINATOR, password=COORDINATOR_PASSWORD)
    return (await verify_second_factor(first.token, pyotp.TOTP(secret).now())).token


class QueueFailed(RuntimeError):
    """The queue page did not answer 200."""


async def time_queue(
    settings: Settings,
    *,
    repeat: int,
    views: list[str],
    budget: float,
    explain: list[str] | None = None,
) -> list[Timing | Skipped]:
    """GET each queue view through the real ASGI app, signed in as a coordinator.

    With `explain`, one more GET per view is recorded statement by statement into it.
    """
    app = create_app(settings, manage_storage=False)
    if not has_route(app, QUEUE_PATH):
        return [
            Skipped(f"GET {QUEUE_PATH}{view}", f"no {QUEUE_PATH} route in this checkout yet")
            for view in views
        ]
    timer = ServerTimer(app)
    token = await signed_in_coordinator(settings)
    transport = httpx2.ASGITransport(app=timer)
    results: list[Timing | Skipped] = []
    async with httpx2.AsyncClient(transport=transport, base_url="http://testserver") as client:
        # The cookie the app sets over plain HTTP, host-only like a browser keeps it.
        client.cookies.set("session", token)
        for view in views:
            path = QUEUE_PATH + view

            async def get(path: str = path) -> Sample:
                response = await client.get(path)
                if response.status_code != 200:
                    raise QueueFailed(f"answered {response.status_code}")
                return timer.last

            name = f"GET {path} (server time)"
            results.append(await _timed(name, get, repeat, budget))
            if explain is not None and isinstance(results[-1], Timing):
                explain.append(await explain_call(f"GET {path}", get, plans=3))
    return results


async def _timed(
    name: str, call: Callable[[], Awaitable[Sample]], repeat: int, budget: float
) -> Timing | Skipped:
    try:
        first = await call()
    # A page still being written may fail in any way: report it as a row, don't stop.
    except Exception as error:
        return Skipped(name, f"the page failed: {type(error).__name__}: {error}"[:300])
    # Slow pages get fewer warm-up calls, so a miss doesn't take an hour to report.
    for _ in range(min(WARM_UP, repeat, int(budget / 10 / max(first.wall, 1e-6)))):
        await call()
    samples: list[Sample] = []
    deadline = time.perf_counter() + budget
    while len(samples) < repeat:
        samples.append(await call())
        if len(samples) >= MIN_SAMPLES and time.perf_counter() > deadline:
            break
    return summarize(name, samples)
