"""Cookies, every one of them: what they hold and how they are set (promises 2, 3 and 8).

A community member's visit and a coordinator's day are replayed over HTTP, and every
Set-Cookie header the app sends is kept. Each value is decoded every way a cookie could hide
something (URL encoding, base64, base64url) and searched for the codenames, what was typed
and the staff password; each header's attributes are checked: HttpOnly, SameSite=Strict,
Path=/, no Domain, Secure (and the __Host- prefix) exactly when the https setting is on, and
no lifetime beyond the browser session except an immediate expiry when a cookie is cleared.

Quick exit and signing out send Clear-Site-Data (tests/web/test_public.py's test runs here
too, and Spanish and htmx variants are added). Web storage is checked in the browser:
tests/browser/conftest.py's `Journey.check_what_the_browser_was_left_with` runs after every
passing journey; the last test here makes sure every browser test goes through it.
"""

from __future__ import annotations

import ast
import base64
import binascii
import contextlib
import re
from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from pathlib import Path
from urllib.parse import unquote

import httpx2
import pyotp
import pytest
import pytest_asyncio

from mutualaid.web.app import create_app
from tests.conftest import (
    CANARY_CLIENT,
    CODENAME,
    STAFF_PASSWORD,
    Database,
    make_settings,
    make_staff,
    need_form,
)
from tests.privacy.conftest import canary
from tests.web.conftest import make_client
from tests.web.test_public import test_quick_exit_leaves_and_clears_the_browser

__all__ = ["make_client", "test_quick_exit_leaves_and_clears_the_browser"]

TOKEN = re.compile(r'name="csrf_token" value="([0-9a-f]+)"')
FORM_ID = re.compile(r'name="form_id" value="([^"]+)"')
CLEAR_SITE_DATA = '"cache", "cookies", "storage"'
BROWSER_TESTS = Path(__file__).resolve().parents[1] / "browser"
#: Fixtures that hand a test a browser checked afterwards for storage and cookies.
CHECKED_BROWSERS = {"journey", "another_person", "visitors"}
#: Codename words this short turn up in random tokens by chance (see tests/browser/conftest).
MIN_WORD = 4


@dataclass(frozen=True)
class SetCookie:
    name: str
    value: str
    attributes: dict[str, str]

    @classmethod
    def parse(cls, header: str) -> SetCookie:
        first, *rest = header.split(";")
        name, _, value = first.strip().partition("=")
        attributes: dict[str, str] = {}
        for part in rest:
            key, _, attribute = part.strip().partition("=")
            attributes[key.lower()] = attribute
        return cls(name, value, attributes)

    def __repr__(self) -> str:  # never the value in a failure message
        return f"<Set-Cookie {self.name} {sorted(self.attributes)}>"


def decodings(value: str) -> list[str]:
    """The value as sent, URL-decoded, and as base64 or base64url if it decodes as either."""
    seen = [value, unquote(value), unquote(value.replace("+", " "))]
    for text in list(seen):
        padded = text + "=" * (-len(text) % 4)
        for decode in (base64.b64decode, base64.urlsafe_b64decode):
            with contextlib.suppress(binascii.Error, ValueError):
                seen.append(decode(padded).decode("latin-1"))
    return seen


@dataclass
class Visit:
    """A client that keeps every Set-Cookie header of every response, redirects included."""

    client: httpx2.AsyncClient
    set_cookies: list[SetCookie]

    async def form(self, path: str, data: dict[str, str], page: str) -> httpx2.Response:
        shown = await self.client.get(page)
        token, form_id = TOKEN.search(shown.text), FORM_ID.search(shown.text)
        body = {"csrf_token": token.group(1) if token else ""}
        if form_id:
            body["form_id"] = form_id.group(1)
        return await self.client.post(path, data={**body, **data})


async def _visit(db: Database, tmp_path: Path, *, https: bool) -> AsyncIterator[Visit]:
    settings = make_settings(tmp_path, database_url=db.url, https=True) if https else db.settings
    app = create_app(settings, manage_storage=False)
    kept: list[SetCookie] = []

    async def keep(response: httpx2.Response) -> None:
        kept.extend(SetCookie.parse(h) for h in response.headers.get_list("set-cookie"))

    transport = httpx2.ASGITransport(app=app, client=CANARY_CLIENT)
    base = "https://testserver" if https else "http://testserver"
    async with httpx2.AsyncClient(
        transport=transport, base_url=base, event_hooks={"response": [keep]}
    ) as client:
        yield Visit(client, kept)


@pytest_asyncio.fixture(params=[False, True], ids=["http", "https"])
async def visit(
    db: Database, tmp_path: Path, request: pytest.FixtureRequest
) -> AsyncIterator[Visit]:
    async for one in _visit(db, tmp_path, https=bool(request.param)):
        yield one


async def a_members_visit(visit: Visit) -> tuple[list[str], list[str]]:
    """Ask, offer, check both, write, erase: returns the codenames and what was typed."""
    typed = [canary("description"), canary("contact"), canary("name"), canary("message")]
    codenames: list[str] = []
    for path in ("/", "/ask", "/offer", "/check", "/es/", "/privacy"):
        await visit.client.get(path)
    asked = await visit.form(
        "/ask",
        need_form(description=typed[0], contact=typed[1], preferred_name=typed[2]),
        page="/ask",
    )
    offered = await visit.form(
        "/offer",
        {"kind": "ride", "category": "transport", "areas": "downtown", "capacity": "1"}
        | {"language": "en"},
        page="/offer",
    )
    for response in (asked, offered):
        shown = CODENAME.search(response.text)
        assert shown, "no codename shown"
        codenames.append(shown.group(1))
    for codename in codenames:
        assert (await visit.form("/check", {"codename": codename}, page="/check")).is_success
    await visit.form("/check/message", {"codename": codenames[0], "body": typed[3]}, "/check")
    await visit.form("/check/erase", {"codename": codenames[1], "confirm": "yes"}, "/check")
    return codenames, typed


async def a_coordinators_day(visit: Visit, db: Database) -> None:
    _, secret = await make_staff(db, role="coordinator", username="kit")
    assert secret
    login = {"username": "kit", "password": STAFF_PASSWORD}
    assert (await visit.form("/staff/login", login, page="/staff/login")).status_code == 303
    code = {"code": pyotp.TOTP(secret).now()}
    assert (await visit.form("/staff/login/code", code, page="/staff/login")).status_code == 303
    for path in ("/staff", "/staff/queue", "/staff/offers", "/staff/organizations"):
        assert (await visit.client.get(path)).status_code == 200, path
    out = await visit.form("/staff/logout", {}, page="/staff")
    assert out.headers["clear-site-data"] == CLEAR_SITE_DATA


def _expires_at_once(cookie: SetCookie) -> bool:
    """A cookie being cleared: Max-Age=0, or an Expires date already past."""
    if cookie.attributes.get("max-age") == "0":
        return True
    expires = cookie.attributes.get("expires")
    return expires is not None and parsedate_to_datetime(expires) <= datetime.now(UTC)


def assert_strict(cookie: SetCookie, *, https: bool) -> None:
    prefix = "__Host-" if https else ""
    assert cookie.name in (f"{prefix}csrf", f"{prefix}session"), cookie
    present = set(cookie.attributes)
    assert "httponly" in present, cookie
    assert cookie.attributes.get("samesite", "").lower() == "strict", cookie
    assert cookie.attributes.get("path") == "/", cookie
    assert "domain" not in present, cookie
    assert ("secure" in present) is https, cookie
    lifetime = {"max-age", "expires"} & present
    assert not lifetime or _expires_at_once(cookie), cookie


async def test_every_cookie_is_strict_and_holds_nothing_of_anyone(
    visit: Visit, db: Database
) -> None:
    codenames, typed = await a_members_visit(visit)
    await a_coordinators_day(visit, db)
    assert {c.name.removeprefix("__Host-") for c in visit.set_cookies} == {"csrf", "session"}
    https = visit.client.base_url.scheme == "https"
    words = {w for c in codenames for w in c.split() if len(w) >= MIN_WORD}
    secrets = [*codenames, *typed, *words, STAFF_PASSWORD, "kit"]
    for cookie in visit.set_cookies:
        assert_strict(cookie, https=https)
        for shown in decodings(cookie.value):
            leaked = [s for s in secrets if s.lower() in shown.lower()]
            assert not leaked, f"{cookie!r} holds something it must not"


def test_decoding_finds_what_a_cookie_could_hide() -> None:
    hidden = "CANARYcookie-seed"
    for value in (
        base64.b64encode(hidden.encode()).decode(),
        base64.urlsafe_b64encode(hidden.encode()).decode().rstrip("="),
        "x%3D" + hidden.replace("-", "%2D"),
    ):
        assert any(hidden in shown for shown in decodings(value))


@pytest.mark.parametrize("path", ["/exit", "/es/exit"])
@pytest.mark.parametrize("htmx", [False, True], ids=["page", "htmx"])
async def test_quick_exit_clears_site_data_in_every_language(
    client: httpx2.AsyncClient, db: Database, path: str, htmx: bool
) -> None:
    headers = {"HX-Request": "true"} if htmx else {}
    response = await client.get(path, headers=headers)
    assert response.status_code == 303
    assert response.headers["clear-site-data"] == CLEAR_SITE_DATA


def _fixtures_of(test: ast.FunctionDef) -> set[str]:
    return {arg.arg for arg in test.args.args}


def test_every_browser_test_leaves_the_browser_checked_for_storage() -> None:
    """Web storage is checked after each journey (tests/browser/conftest.py); so every browser
    test must run on a browser that gets that check."""
    conftest = (BROWSER_TESTS / "conftest.py").read_text()
    checks = re.search(r"def check_what_the_browser_was_left_with.*?\n\n", conftest, re.S)
    assert checks and "self._no_web_storage()" in checks.group(0)
    assert "window.localStorage.length" in conftest and "indexed_db=True" in conftest
    unchecked: list[str] = []
    for module in sorted(BROWSER_TESTS.glob("test_*.py")):
        for node in ast.walk(ast.parse(module.read_text())):
            if isinstance(node, ast.FunctionDef) and node.name.startswith("test_"):
                uses_a_browser = {"page", "browser", "server"} & _fixtures_of(node)
                if (uses_a_browser or "journey" in ast.unparse(node)) and not (
                    CHECKED_BROWSERS & _fixtures_of(node)
                ):
                    unchecked.append(f"{module.name}::{node.name}")
    assert unchecked == [], f"browser tests that skip the storage check: {unchecked}"
