"""Rate limits: a kind 429 with Retry-After, counted without ever keeping an address."""

from __future__ import annotations

import ipaddress
import re
from typing import Any

import httpx2

from mutualaid.domain.codenames import generate_codename
from mutualaid.web.app import MutualAidApp
from mutualaid.web.ratelimit import RateLimiter
from tests.conftest import CANARY_CLIENT, need_form
from tests.web.conftest import MakeClient, assert_security_headers, stored, token_in

IPV4 = re.compile(r"\b\d{1,3}(?:\.\d{1,3}){3}\b")


class FixedClock:
    """A clock the test moves by hand, so no window boundary falls mid-test."""

    def __init__(self) -> None:
        self.now = 1_000_000.0

    def __call__(self) -> float:
        return self.now


def _fixed(app: MutualAidApp) -> FixedClock:
    clock = FixedClock()
    limiter: RateLimiter = app.state.rate_limiter
    limiter.clock = clock
    return clock


async def _check(client: httpx2.AsyncClient, token: str) -> httpx2.Response:
    return await client.post("/check", data={"csrf_token": token, "codename": generate_codename()})


def _looks_like_an_address(value: Any) -> bool:
    if isinstance(value, bytes):
        return CANARY_CLIENT[0].encode() in value or bool(IPV4.search(value.decode("latin-1")))
    if isinstance(value, str):
        if CANARY_CLIENT[0] in value or IPV4.search(value):
            return True
        try:
            ipaddress.ip_address(value)
        except ValueError:
            return False
        return True
    if isinstance(value, tuple | list | set | frozenset):
        return any(_looks_like_an_address(item) for item in value)
    if isinstance(value, dict):
        return any(_looks_like_an_address(k) or _looks_like_an_address(v) for k, v in value.items())
    return False


async def test_the_fourth_check_in_a_minute_waits_kindly(make_client: MakeClient) -> None:
    app, client = await make_client(codename_checks_per_client_per_minute=3)
    clock = _fixed(app)
    token = token_in(await client.get("/check"))
    for _ in range(3):
        assert (await _check(client, token)).status_code == 404
    limited = await _check(client, token)
    assert limited.status_code == 429
    assert "Please wait a moment" in limited.text
    assert "Nothing is wrong with you or your codename." in limited.text
    assert int(limited.headers["retry-after"]) > 0
    assert "<html" in limited.text
    assert_security_headers(limited)

    # Every codename route shares the limit.
    for path in ("/check/thread", "/check/message", "/check/withdraw", "/check/erase"):
        response = await client.post(path, data={"csrf_token": token, "codename": "x"})
        assert response.status_code == 429

    # A new window starts afresh.
    clock.now += 60
    assert (await _check(client, token)).status_code == 404


async def test_the_limiter_never_holds_an_address(make_client: MakeClient) -> None:
    app, client = await make_client(codename_checks_per_client_per_minute=3)
    _fixed(app)
    token = token_in(await client.get("/check"))
    for _ in range(5):
        await _check(client, token)
    await client.post("/ask", data={"csrf_token": token, **need_form()})
    limiter: RateLimiter = app.state.rate_limiter
    keys = limiter.stored_keys()
    assert keys
    for key in keys:
        assert not _looks_like_an_address(key)
        bucket, digest, window = key
        assert bucket in ("check", "post")
        assert isinstance(digest, bytes) and len(digest) in (0, 8)
        assert isinstance(window, int)
    # Nor anywhere else in its state, or its printed form.
    assert not _looks_like_an_address(vars(limiter))
    assert CANARY_CLIENT[0] not in repr(limiter)


async def test_the_overall_limit_holds_for_everyone_together(make_client: MakeClient) -> None:
    app, client = await make_client(
        codename_checks_per_client_per_minute=50, codename_checks_per_minute=2
    )
    _fixed(app)
    token = token_in(await client.get("/check"))
    assert (await _check(client, token)).status_code == 404
    assert (await _check(client, token)).status_code == 404
    # Another address (say, the next Tor user) is held back by the overall limit too.
    other = httpx2.AsyncClient(
        transport=httpx2.ASGITransport(app=app, client=("10.9.8.7", 1234)),
        base_url="http://testserver",
    )
    async with other:
        other_token = token_in(await other.get("/check"))
        assert (await _check(other, other_token)).status_code == 429


async def test_posting_is_limited_and_a_limited_post_stores_nothing(
    make_client: MakeClient,
) -> None:
    app, client = await make_client(posts_per_client_per_hour=2)
    _fixed(app)
    for _ in range(2):
        page = await client.get("/ask")
        form_id = page.text.split('name="form_id" value="', 1)[1].split('"', 1)[0]
        body = {"csrf_token": token_in(page), "form_id": form_id, **need_form()}
        assert (await client.post("/ask", data=body)).status_code == 200
    before = await stored()
    page = await client.get("/ask")
    form_id = page.text.split('name="form_id" value="', 1)[1].split('"', 1)[0]
    body = {"csrf_token": token_in(page), "form_id": form_id, **need_form()}
    limited = await client.post("/ask", data=body)
    assert limited.status_code == 429
    assert "Please wait a moment" in limited.text
    assert "retry-after" in limited.headers
    assert await stored() == before
    # Offers count against the same bucket.
    offer = await client.post(
        "/offer",
        data={
            "csrf_token": token_in(page),
            "kind": "ride",
            "category": "food",
            "areas": "downtown",
            "capacity": "1",
            "language": "en",
        },
    )
    assert offer.status_code == 429
    assert await stored() == before
