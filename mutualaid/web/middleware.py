"""Pure ASGI middleware: security headers, the language prefix, and CSRF with body limits."""

from __future__ import annotations

import hashlib
import hmac
import secrets
from collections.abc import Awaitable, Callable
from http.cookies import CookieError, SimpleCookie
from urllib.parse import parse_qsl, urlsplit

from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from mutualaid import i18n

CSP = "; ".join(
    (
        "default-src 'none'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self'",
        "font-src 'self'",
        "connect-src 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
        "base-uri 'none'",
        "object-src 'none'",
    )
)

BASE_HEADERS = {
    "content-security-policy": CSP,
    "x-content-type-options": "nosniff",
    # Privacy promise 2: never tell another site where someone came from.
    "referrer-policy": "no-referrer",
    "x-frame-options": "DENY",
    "cross-origin-opener-policy": "same-origin",
    "cross-origin-resource-policy": "same-origin",
    "permissions-policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
}


class SecurityHeaders:
    """Strict headers on every response, errors and static files included."""

    def __init__(self, app: ASGIApp, *, https: bool) -> None:
        self.app = app
        self.https = https

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        is_static = scope["path"].startswith("/static/")

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for name, value in BASE_HEADERS.items():
                    headers[name] = value
                for name in ("server", "etag", "x-powered-by", "last-modified"):
                    del headers[name]
                if not is_static:
                    # Nothing about a person may be kept by the browser or a proxy.
                    headers["cache-control"] = "no-store"
                    headers["pragma"] = "no-cache"
                if self.https:
                    headers["strict-transport-security"] = "max-age=31536000; includeSubDomains"
            await send(message)

        await self.app(scope, receive, send_with_headers)


class LanguagePrefix:
    """`/es/...` serves Spanish: no cookie needed (privacy promise 2) and links keep it."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] not in ("http", "websocket"):
            await self.app(scope, receive, send)
            return
        language = i18n.DEFAULT_LANGUAGE
        path: str = scope["path"]
        for code in i18n.LANGUAGES:
            prefix = f"/{code}"
            if code != i18n.DEFAULT_LANGUAGE and (path == prefix or path.startswith(prefix + "/")):
                if path == prefix:
                    await _redirect(send, prefix + "/")
                    return
                language = code
                scope = {**scope, "root_path": scope.get("root_path", "") + prefix}
                break
        token = i18n.use_language(language)
        try:
            await self.app(scope, receive, send)
        finally:
            i18n.reset_language(token)


async def _redirect(send: Send, location: str) -> None:
    await send(
        {
            "type": "http.response.start",
            "status": 307,
            "headers": [(b"location", location.encode()), (b"content-length", b"0")],
        }
    )
    await send({"type": "http.response.body", "body": b""})


Reject = Callable[[Scope, Receive, Send, int, str], Awaitable[None]]

UNSAFE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})
FORM_TYPE = "application/x-www-form-urlencoded"
TOKEN_FIELD = "csrf_token"  # noqa: S105 (a field name, not a secret)
TOKEN_HEADER = "x-csrf-token"  # noqa: S105 (a header name)
MAX_FIELDS = 100


class CSRFProtection:
    """Signed double-submit CSRF tokens on every unsafe request, anonymous forms included.

    The cookie holds a random value; forms carry HMAC(session key, value), which an
    attacker who plants a cookie still can't compute. Fetch Metadata refuses cross-site
    posts outright. The body is read once here (bounded), checked, and replayed.
    """

    def __init__(
        self,
        app: ASGIApp,
        *,
        key: bytes,
        https: bool,
        max_body_bytes: int,
        reject: Reject,
        exempt_paths: frozenset[str] = frozenset(),
    ) -> None:
        self.app = app
        self.key = key
        self.cookie_name = "__Host-csrf" if https else "csrf"
        self.https = https
        self.max_body_bytes = max_body_bytes
        self.reject = reject
        self.exempt_paths = exempt_paths

    def token_for(self, cookie_value: str) -> str:
        return hmac.new(self.key, cookie_value.encode(), hashlib.sha256).hexdigest()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = {k.decode("latin-1"): v.decode("latin-1") for k, v in scope["headers"]}
        cookie_value = _read_cookie(headers.get("cookie", ""), self.cookie_name)
        new_cookie = cookie_value is None
        if cookie_value is None:
            cookie_value = secrets.token_urlsafe(32)
        scope["csrf_token"] = self.token_for(cookie_value)
        send = self._setting_cookie(send, cookie_value) if new_cookie else send

        route_path = scope["path"][len(scope.get("root_path", "")) :] or "/"
        if scope["method"] not in UNSAFE_METHODS or route_path in self.exempt_paths:
            await self.app(scope, receive, send)
            return

        declared = headers.get("content-length", "")
        if declared.isdigit() and int(declared) > self.max_body_bytes:
            await self.reject(scope, receive, send, 413, "too_large")
            return
        body = await _read_body(receive, self.max_body_bytes)
        if body is None:
            await self.reject(scope, receive, send, 413, "too_large")
            return
        if not self._same_origin(headers):
            await self.reject(scope, receive, send, 403, "csrf")
            return
        content_type = headers.get("content-type", "").split(";")[0].strip().lower()
        submitted = headers.get(TOKEN_HEADER, "")
        if content_type == FORM_TYPE:
            fields = _parse_form(body)
            if fields is None:
                await self.reject(scope, receive, send, 400, "malformed")
                return
            submitted = submitted or next((v for k, v in fields if k == TOKEN_FIELD), "")
        elif body and content_type != FORM_TYPE:
            await self.reject(scope, receive, send, 415, "malformed")
            return
        # Compared as bytes: compare_digest refuses str with non-ASCII characters (TypeError,
        # a 500), and a forged token may hold anything (found by wapiti, tests/scans).
        expected = scope["csrf_token"].encode()
        if new_cookie or not hmac.compare_digest(submitted.encode("utf-8", "replace"), expected):
            await self.reject(scope, receive, send, 403, "csrf")
            return
        await self.app(scope, _replay(body, receive), send)

    def _same_origin(self, headers: dict[str, str]) -> bool:
        if headers.get("sec-fetch-site", "same-origin") not in ("same-origin", "none"):
            return False
        origin = headers.get("origin")
        if origin and origin != "null":
            return urlsplit(origin).netloc == headers.get("host", "")
        return True

    def _setting_cookie(self, send: Send, value: str) -> Send:
        attributes = f"{self.cookie_name}={value}; Path=/; HttpOnly; SameSite=Strict"
        if self.https:
            attributes += "; Secure"

        async def wrapped(message: Message) -> None:
            if message["type"] == "http.response.start":
                MutableHeaders(scope=message).append("set-cookie", attributes)
            await send(message)

        return wrapped


def _read_cookie(header: str, name: str) -> str | None:
    try:
        jar = SimpleCookie(header)
    except CookieError:  # a malformed Cookie header is treated as no cookie
        return None
    morsel = jar.get(name)
    if morsel is None or not 20 <= len(morsel.value) <= 100:
        return None
    return morsel.value


async def _read_body(receive: Receive, limit: int) -> bytes | None:
    chunks: list[bytes] = []
    size = 0
    while True:
        message = await receive()
        if message["type"] == "http.disconnect":
            break
        chunk = message.get("body", b"")
        size += len(chunk)
        if size > limit:
            return None
        chunks.append(chunk)
        if not message.get("more_body", False):
            break
    return b"".join(chunks)


def _parse_form(body: bytes) -> list[tuple[str, str]] | None:
    """Strict parsing: malformed or non-UTF-8 input is refused, not guessed at."""
    try:
        return parse_qsl(
            body.decode("ascii"),
            keep_blank_values=True,
            max_num_fields=MAX_FIELDS,
            encoding="utf-8",
            errors="strict",
        )
    except (UnicodeDecodeError, ValueError):
        return None


def _replay(body: bytes, original: Receive) -> Receive:
    sent = False

    async def receive() -> Message:
        nonlocal sent
        if sent:
            return await original()
        sent = True
        return {"type": "http.request", "body": body, "more_body": False}

    return receive
