"""CSRF: every POST route, anonymous ones included, refuses forged or cross-site requests,
and a refused request stores nothing."""

from __future__ import annotations

import secrets
from pathlib import Path
from typing import Any

import httpx2
import pytest
from starlette.routing import Route

from mutualaid.web.app import create_app
from tests.conftest import CODENAME, Database, make_settings, need_form, post_form, post_need
from tests.coordination import conftest as coordination_routes
from tests.funds import conftest as funds_routes
from tests.helping import conftest as helping_routes
from tests.organizations import conftest as organization_routes
from tests.pledges import conftest as pledge_routes
from tests.staff import conftest as staff_routes
from tests.tools import conftest as tools_routes
from tests.web.conftest import assert_security_headers, stored, token_in

POSTS = [
    route
    for route in create_app(make_settings(Path("unused"))).routes
    if isinstance(route, Route)
    and route.methods
    and "POST" in route.methods
    # Stripe's webhook is proven by its signature instead (tests/funds/test_webhook.py).
    and route.name not in funds_routes.CSRF_EXEMPT
]
#: Routes whose accepted request changes what is stored.
CHANGES = {
    "ask_submit",
    "offer_submit",
    "check_message",
    "check_withdraw",
    "check_offer",
    "check_erase",
    *organization_routes.CSRF_ROUTES,
    *pledge_routes.CSRF_CHANGES,
    *staff_routes.CSRF_CHANGES,
    *helping_routes.CSRF_CHANGES,
    *coordination_routes.CSRF_CHANGES,
    *tools_routes.CSRF_CHANGES,
    *funds_routes.CSRF_CHANGES,
}
OFFER = {
    "kind": "ride",
    "category": "transport",
    "areas": ["eastside"],
    "capacity": "3",
    "language": "en",
}


async def post_offer(client: httpx2.AsyncClient) -> str:
    response = await post_form(client, "/offer", OFFER, page="/offer")
    assert response.status_code == 200
    match = CODENAME.search(response.text)
    assert match
    return match.group(1)


async def payload(client: httpx2.AsyncClient, name: str) -> tuple[str, dict[str, Any]]:
    """What a real form would send to each route (the page it comes from, and the fields).

    Every POST route must be listed: a new one fails here until it gets a payload.
    """
    if name == "ask_submit":
        return "/ask", need_form()
    if name == "offer_submit":
        return "/offer", dict(OFFER)
    if name == "check_offer":
        return "/check", {"codename": await post_offer(client), "action": "end"}
    need = await post_need(client, contact="signal: someone.01")
    fields = {
        "check_submit": {},
        "check_thread": {},
        "check_message": {"body": "A message that must not be stored"},
        "check_withdraw": {},
        "check_erase": {"confirm": "yes"},
    }[name]
    return "/check", {"codename": need, **fields}


async def target(
    client: httpx2.AsyncClient, db: Database, route: Route
) -> tuple[str, str, dict[str, Any]]:
    """(page, path, fields): routes with ids or behind sign-in bring their own."""
    for routes in (
        organization_routes,
        pledge_routes,
        staff_routes,
        coordination_routes,
        tools_routes,
        helping_routes,
        funds_routes,
    ):
        if route.name in routes.CSRF_ROUTES:
            return await routes.csrf_payload(client, db, route.name)
    page, fields = await payload(client, route.name)
    return page, route.path, fields


async def _body(client: httpx2.AsyncClient, page: str, fields: dict[str, Any]) -> dict[str, Any]:
    response = await client.get(page)
    body: dict[str, Any] = {"csrf_token": token_in(response), **fields}
    form_id = response.text.split('name="form_id" value="', 1)
    if len(form_id) == 2:
        body["form_id"] = form_id[1].split('"', 1)[0]
    return body


async def _other_token(client: httpx2.AsyncClient) -> str:
    transport = client._transport  # the same app, another browser
    async with httpx2.AsyncClient(transport=transport, base_url="http://testserver") as other:
        return token_in(await other.get("/check"))


ATTACKS = [
    "no-token",
    "empty-token",
    "forged-token",
    "another-browsers-token",
    "no-cookie",
    "cross-site",
    "same-site",
    "foreign-origin",
    "other-port-origin",
    "wrong-token-header",
]


async def _attack(
    client: httpx2.AsyncClient, attack: str, path: str, body: dict[str, Any]
) -> httpx2.Response:
    headers: dict[str, str] = {}
    if attack == "no-token":
        del body["csrf_token"]
    elif attack == "empty-token":
        body["csrf_token"] = ""
    elif attack == "forged-token":
        body["csrf_token"] = secrets.token_hex(32)
    elif attack == "another-browsers-token":
        body["csrf_token"] = await _other_token(client)
    elif attack == "no-cookie":
        client.cookies.clear()
    elif attack == "cross-site":
        headers["Sec-Fetch-Site"] = "cross-site"
    elif attack == "same-site":
        headers["Sec-Fetch-Site"] = "same-site"
    elif attack == "foreign-origin":
        headers["Origin"] = "https://attacker.example"
    elif attack == "other-port-origin":
        headers["Origin"] = "http://testserver:8080"
    elif attack == "wrong-token-header":
        headers["X-CSRF-Token"] = secrets.token_hex(32)
    return await client.post(path, data=body, headers=headers)


@pytest.mark.parametrize("route", POSTS, ids=lambda r: r.name)
async def test_forged_posts_are_refused_and_store_nothing(
    client: httpx2.AsyncClient, db: Database, route: Route
) -> None:
    page, path, fields = await target(client, db, route)
    before = await stored()
    for attack in ATTACKS:
        body = await _body(client, page, fields)
        response = await _attack(client, attack, path, body)
        assert response.status_code == 403, attack
        assert "Please try that again" in response.text
        assert "Nothing was saved" in response.text
        assert not CODENAME.search(response.text)
        assert_security_headers(response)
        assert await stored() == before, attack


@pytest.mark.parametrize("route", POSTS, ids=lambda r: r.name)
async def test_the_same_post_with_its_token_is_accepted(
    client: httpx2.AsyncClient, db: Database, route: Route
) -> None:
    """The control for the test above: its payloads would have done something."""
    page, path, fields = await target(client, db, route)
    body = await _body(client, page, fields)
    before = await stored()
    response = await client.post(
        path,
        data=body,
        headers={"Sec-Fetch-Site": "same-origin", "Origin": "http://testserver"},
    )
    assert response.status_code in (200, 303)
    assert_security_headers(response)
    assert (await stored() != before) is (route.name in CHANGES)


async def test_the_token_may_come_in_a_header(client: httpx2.AsyncClient, db: Database) -> None:
    token = token_in(await client.get("/check"))
    response = await client.post("/check", data={"codename": "x"}, headers={"X-CSRF-Token": token})
    assert response.status_code == 404  # past the CSRF check: the codename is simply unknown


async def test_a_malformed_cookie_header_is_refused_not_crashed(
    client: httpx2.AsyncClient, db: Database
) -> None:
    token = token_in(await client.get("/ask"))
    client.cookies.clear()
    before = await stored()
    response = await client.post(
        "/ask",
        data={"csrf_token": token, **need_form()},
        headers={"Cookie": 'csrf="unterminated; ;;=; \x7f'},
    )
    assert response.status_code == 403
    assert await stored() == before


@pytest.mark.parametrize("forged", ["é" * 64, "\u202e" + "0" * 63, "0" * 63 + "€"])
async def test_a_token_that_is_not_ascii_is_refused_not_crashed(
    client: httpx2.AsyncClient, db: Database, forged: str
) -> None:
    """hmac.compare_digest raises on non-ASCII text: the token must be compared as bytes."""
    await client.get("/ask")
    before = await stored()
    in_form = await client.post("/ask", data={"csrf_token": forged, **need_form()})
    in_header = await client.post("/check", headers={"X-CSRF-Token": forged.encode()})
    assert in_form.status_code == in_header.status_code == 403
    assert await stored() == before


async def test_the_csrf_cookie_is_strict_and_says_nothing(client: httpx2.AsyncClient) -> None:
    response = await client.get("/")
    cookie = response.headers["set-cookie"]
    assert cookie.startswith("csrf=")
    for attribute in ("Path=/", "HttpOnly", "SameSite=Strict"):
        assert attribute in cookie
    assert "Expires" not in cookie and "Max-Age" not in cookie
    # Once set, it is not set again.
    assert "set-cookie" not in (await client.get("/")).headers
