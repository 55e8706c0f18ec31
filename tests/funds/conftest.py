"""Funds fixtures: localstripe and the Checkout test double on loopback, and an app that
talks to them through the official `stripe` library.

localstripe runs as a subprocess bound to 127.0.0.1 (its own CLI would bind every
interface) and keeps its store in memory (its CLI pickles it to /tmp after each request).
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import secrets
import socket
import subprocess
import sys
import time
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import httpx2
import pytest
import pytest_asyncio
import uvicorn

from mutualaid.domain.clock import today
from mutualaid.storage.models import Counter, Disbursement, Gift, GiftPayment, StripeEvent
from mutualaid.web.app import MutualAidApp, create_app
from tests.conftest import CANARY_CLIENT, Database, make_settings
from tests.funds.checkout_double import CheckoutDouble, stripe_signature
from tests.pledges.conftest import organization, sign_in_coordinator, sign_in_member

WEBHOOK_SECRET = "whsec_test_" + secrets.token_hex(16)
SECRET_KEY = "sk_test_" + secrets.token_hex(16)
LOCALSTRIPE = """
import sys
from aiohttp import web
from localstripe import resources
resources.Store.dump_to_disk = lambda self: None   # in memory only
resources.store.clear()
from localstripe.server import app
web.run_app(app, host="127.0.0.1", port=int(sys.argv[1]), print=None)
"""
MONEY_METRICS = (
    "money_in",
    "gifts",
    "money_refunded",
    "refunds",
    "money_disputed",
    "disputes",
    "money_out",
    "disbursements",
    "credited_organization",
)


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _wait_for_port(port: int, process: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail("localstripe exited")
        with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), 0.5):
            return
        time.sleep(0.1)
    pytest.fail("localstripe did not start")


@pytest.fixture(scope="session")
def localstripe() -> Iterator[str]:
    """localstripe on a free loopback port, in memory, for the whole session."""
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-c", LOCALSTRIPE, str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        _wait_for_port(port, process)
        yield f"http://127.0.0.1:{port}"
    finally:
        process.terminate()
        process.wait(timeout=10)


@pytest.fixture
def double(localstripe: str) -> Iterator[CheckoutDouble]:
    """The Checkout test double, forwarding everything else to localstripe."""
    checkout = CheckoutDouble(upstream=localstripe)
    checkout.start()
    checkout.webhook_secret = WEBHOOK_SECRET
    try:
        yield checkout
    finally:
        checkout.stop()


def funds_settings(tmp_path: Path, db: Database, double: CheckoutDouble, **overrides: Any) -> Any:
    values: dict[str, Any] = {
        "database_url": db.url,
        "stripe_secret_key": SECRET_KEY,
        "stripe_webhook_secret": WEBHOOK_SECRET,
        "stripe_api_base": double.base,
        "public_url": "http://testserver",
        "other_ways_to_give": "Cash at the Thursday market stall",
    }
    values.update(overrides)
    return make_settings(tmp_path, **values)


@pytest_asyncio.fixture
async def funds_app(db: Database, tmp_path: Path, double: CheckoutDouble) -> MutualAidApp:
    return create_app(funds_settings(tmp_path, db, double), manage_storage=False)


@pytest_asyncio.fixture
async def giving(funds_app: MutualAidApp) -> AsyncIterator[httpx2.AsyncClient]:
    """A browser-like client on the app with online giving set up."""
    transport = httpx2.ASGITransport(app=funds_app, client=CANARY_CLIENT)
    async with httpx2.AsyncClient(transport=transport, base_url="http://testserver") as client:
        yield client


@pytest_asyncio.fixture
async def live_app(funds_app: MutualAidApp, double: CheckoutDouble) -> AsyncIterator[str]:
    """The same app served over real HTTP on loopback, so the doubles can deliver webhooks."""
    port = free_port()
    config = uvicorn.Config(
        funds_app, host="127.0.0.1", port=port, lifespan="off", log_level="warning"
    )
    server = uvicorn.Server(config)
    task = asyncio.create_task(server.serve())
    for _ in range(500):  # uvicorn offers no event for "started"
        if server.started:
            break
        await asyncio.sleep(0.02)
    origin = f"http://127.0.0.1:{port}"
    double.webhook_url = origin + "/stripe/webhook"
    try:
        yield origin
    finally:
        server.should_exit = True
        await task


async def sign_event(
    client: httpx2.AsyncClient,
    payload: bytes,
    *,
    secret: str = WEBHOOK_SECRET,
    timestamp: int | None = None,
) -> httpx2.Response:
    """POST an event to the webhook as Stripe does: raw JSON and its signature header."""
    return await client.post(
        "/stripe/webhook",
        content=payload,
        headers={
            "Content-Type": "application/json; charset=utf-8",
            "Stripe-Signature": stripe_signature(payload, secret, timestamp=timestamp),
        },
    )


def event(kind: str, obj: dict[str, Any], *, event_id: str | None = None) -> bytes:
    return json.dumps(
        {
            "id": event_id or "evt_" + secrets.token_hex(12),
            "object": "event",
            "type": kind,
            "created": int(time.time()),
            "data": {"object": obj},
        }
    ).encode()


GIFT_FORM = {
    "frequency": "once",
    "amount": "2500",
    "other_amount": "",
    "designation": "general",
}


async def give(
    client: httpx2.AsyncClient, *, path: str = "/give", **fields: str
) -> httpx2.Response:
    """Fill in /give as a person would, with the page's own token and form id."""
    page = await client.get(path)
    token = page.text.split('name="csrf_token" value="', 1)[1].split('"', 1)[0]
    form_id = page.text.split('name="form_id" value="', 1)[1].split('"', 1)[0]
    body = {"csrf_token": token, "form_id": form_id, **GIFT_FORM, **fields}
    return await client.post(path, data=body)


def checkout_url(response: httpx2.Response) -> str:
    return response.text.split('id="checkout-link" href="', 1)[1].split('"', 1)[0]


def session_id_of(response: httpx2.Response) -> str:
    return checkout_url(response).rsplit("/", 1)[1]


async def money_counters() -> dict[tuple[str, str, str], int]:
    rows = await Counter.filter(metric__in=MONEY_METRICS).values_list(
        "metric", "category", "source_kind", "value"
    )
    return {(str(m), str(c), str(s)): int(v) for m, c, s, v in rows}  # type: ignore[call-overload]


async def funds_state() -> dict[str, Any]:
    return {
        "gifts": sorted((str(g.id), g.status) for g in await Gift.all()),
        "payments": sorted(
            (p.stripe_ref, p.amount, p.refunded, p.disputed) for p in await GiftPayment.all()
        ),
        "events": await StripeEvent.all().count(),
        "disbursements": await Disbursement.all().count(),
        "counters": await money_counters(),
    }


def disbursement_form(**overrides: str) -> dict[str, str]:
    values = {
        "amount": "10",
        "designation": "general",
        "paid_on": today().isoformat(),
        "method": "cash",
        "need": "",
    }
    values.update(overrides)
    return values


#: This package's POST routes, for the CSRF walk (tests/web/test_csrf.py).
CSRF_ROUTES = {"give_submit", "portal_give_submit", "staff_disbursement_submit"}
#: Without Stripe keys (the CSRF walk's app) a gift form stores nothing; a disbursement does.
CSRF_CHANGES = {"staff_disbursement_submit"}
#: Proven by Stripe's signature instead of a CSRF token (tested in test_webhook.py).
CSRF_EXEMPT = {"stripe_webhook"}


async def csrf_payload(
    client: httpx2.AsyncClient, db: Database, name: str
) -> tuple[str, str, dict[str, Any]]:
    if name == "give_submit":
        return "/check", "/give", dict(GIFT_FORM)
    if name == "portal_give_submit":
        await sign_in_member(client, db, await organization(db))
        return "/check", "/portal/give", {**GIFT_FORM, "credit": "name"}
    await sign_in_coordinator(client, db)
    return "/check", "/staff/disbursements", disbursement_form(override="yes")
