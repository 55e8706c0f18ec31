"""Stripe's webhook under hostile input: random and malformed events, signed with the test
secret (so the handler itself is reached) or not. Never a 500 or a traceback; an unsigned or
badly signed post is refused and stores nothing."""

from __future__ import annotations

import asyncio
import secrets
from collections.abc import AsyncIterator
from pathlib import Path

import httpx2
import pytest
import pytest_asyncio
from hypothesis import given
from hypothesis import strategies as st

from mutualaid.services.gifts import HANDLED
from mutualaid.web.app import create_app
from mutualaid.web.routes.give import WEBHOOK_MAX_BYTES, WEBHOOK_PATH
from tests.conftest import CANARY_CLIENT, Database, make_settings
from tests.funds.checkout_double import stripe_signature
from tests.fuzz.conftest import (
    FUZZ,
    assert_no_crash,
    assert_quiet_logs,
    on_this_loop,
    table_counts,
)
from tests.fuzz.strategies import nasty_text, stripe_events

WEBHOOK_SECRET = "whsec_fuzz_" + secrets.token_hex(16)
#: Nothing listens here: any call the handler makes to Stripe fails at once.
NO_STRIPE = "http://127.0.0.1:9"
JSON = "application/json; charset=utf-8"
#: A failing example can be large: Hypothesis warns about printing it, and the suite turns
#: warnings into errors, which would hide the real failure.
pytestmark = pytest.mark.filterwarnings("ignore:Generating overly large repr")


@pytest_asyncio.fixture
async def stripe_client(db: Database, tmp_path: Path) -> AsyncIterator[httpx2.AsyncClient]:
    settings = make_settings(
        tmp_path,
        database_url=db.url,
        stripe_secret_key="sk_test_" + secrets.token_hex(16),
        stripe_webhook_secret=WEBHOOK_SECRET,
        stripe_api_base=NO_STRIPE,
    )
    app = create_app(settings, manage_storage=False)
    transport = httpx2.ASGITransport(app=app, client=CANARY_CLIENT)
    async with httpx2.AsyncClient(transport=transport, base_url="http://testserver") as client:
        yield client


bad_signatures = st.one_of(
    st.none(),
    nasty_text.map(lambda s: s.encode("utf-8", "surrogatepass")[:200]),
    st.just(b"t=1,v1=" + b"0" * 64),
    st.builds(
        lambda p: stripe_signature(p, "whsec_wrong_" + secrets.token_hex(8)).encode(), st.binary()
    ),
)


async def test_signed_hostile_events_never_crash(
    stripe_client: httpx2.AsyncClient, db: Database, caplog: pytest.LogCaptureFixture
) -> None:
    run = on_this_loop(asyncio.get_running_loop())

    async def send(payload: bytes) -> None:
        headers = {
            "Content-Type": JSON,
            "Stripe-Signature": stripe_signature(payload, WEBHOOK_SECRET),
        }
        before = await table_counts()
        response = await stripe_client.post(WEBHOOK_PATH, content=payload, headers=headers)
        assert_no_crash(response)
        if response.status_code >= 400:
            assert await table_counts() == before

    @FUZZ
    @given(payload=stripe_events(HANDLED))
    def examples(payload: bytes) -> None:
        run(send(payload))

    await asyncio.to_thread(examples)
    assert_quiet_logs(caplog)


async def test_unsigned_or_forged_posts_are_refused_and_store_nothing(
    stripe_client: httpx2.AsyncClient, db: Database, caplog: pytest.LogCaptureFixture
) -> None:
    run = on_this_loop(asyncio.get_running_loop())

    async def send(payload: bytes, signature: bytes | None, content_type: str | None) -> None:
        headers = {} if signature is None else {"Stripe-Signature": signature}
        if content_type is not None:
            headers["Content-Type"] = content_type.encode()
        before = await table_counts()
        response = await stripe_client.post(WEBHOOK_PATH, content=payload, headers=headers)
        assert_no_crash(response)
        assert response.status_code == 400
        assert await table_counts() == before

    @FUZZ
    @given(
        payload=stripe_events(HANDLED),
        signature=bad_signatures,
        content_type=st.sampled_from((None, JSON, "text/plain", "multipart/form-data")),
    )
    def examples(payload: bytes, signature: bytes | None, content_type: str | None) -> None:
        run(send(payload, signature, content_type))

    await asyncio.to_thread(examples)
    too_big = b"{" + b" " * WEBHOOK_MAX_BYTES + b"}"
    before = await table_counts()
    response = await stripe_client.post(
        WEBHOOK_PATH,
        content=too_big,
        headers={
            "Content-Type": JSON,
            "Stripe-Signature": stripe_signature(too_big, WEBHOOK_SECRET),
        },
    )
    assert response.status_code == 413
    assert await table_counts() == before
    assert_quiet_logs(caplog)
