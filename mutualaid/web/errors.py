"""Error pages: kind, plain, in the person's language, and never a traceback."""

from __future__ import annotations

import logging

from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response
from starlette.types import Receive, Scope, Send

from mutualaid.i18n import _l
from mutualaid.web.ratelimit import RateLimited
from mutualaid.web.templating import render

log = logging.getLogger("mutualaid.web")

MESSAGES = {
    "not_found": (
        _l("We couldn't find that page"),
        _l("The link may be old, or the page may have been removed."),
    ),
    "method": (
        _l("That doesn't work here"),
        _l("Please use the links and buttons on the page."),
    ),
    "csrf": (
        _l("Please try that again"),
        _l(
            "This form was open for a long time or came from another site, so we did not "
            "accept it. Nothing was saved. Go back, reload the page and send it again."
        ),
    ),
    "too_large": (
        _l("That was more than we can take"),
        _l("Nothing was saved. Please go back and shorten what you wrote."),
    ),
    "malformed": (
        _l("We couldn't read that"),
        _l("Nothing was saved. Please go back and send the form again."),
    ),
    "rate_limited": (
        _l("Please wait a moment"),
        _l(
            "There were many tries in a short time, so we paused this for a few minutes. "
            "Nothing is wrong with you or your codename."
        ),
    ),
    "server": (
        _l("Something went wrong on our side"),
        _l(
            "We're sorry. Nothing you typed is shown here or written to any log. "
            "Please try again in a little while."
        ),
    ),
}


def error_page(request: Request, status_code: int, kind: str) -> Response:
    title, detail = MESSAGES[kind]
    response = render(
        request, "error.html", {"title": title, "detail": detail}, status_code=status_code
    )
    if status_code == 429:
        response.headers["Retry-After"] = "300"
    return response


async def http_error(request: Request, exc: Exception) -> Response:
    status = exc.status_code if isinstance(exc, HTTPException) else 500
    kind = {404: "not_found", 405: "method"}.get(status, "malformed")
    return error_page(request, status, kind)


async def rate_limited(request: Request, exc: Exception) -> Response:
    return error_page(request, 429, "rate_limited")


async def server_error(request: Request, exc: Exception) -> Response:
    # The exception's type only: its message could quote what someone typed.
    log.error("unhandled error: %s", type(exc).__name__)
    return error_page(request, 500, "server")


async def reject(scope: Scope, receive: Receive, send: Send, status: int, kind: str) -> None:
    """Middleware refusals (CSRF, size, malformed bodies) get the same kind pages."""
    response = error_page(Request(scope, receive), status, kind)
    await response(scope, receive, send)


EXCEPTION_HANDLERS = {
    HTTPException: http_error,
    RateLimited: rate_limited,
    Exception: server_error,
}
