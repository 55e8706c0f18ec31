"""The one place that reads htmx request headers (htmx 2.x, pinned in static/)."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import Response

#: Responses that differ for htmx must say so, or a cache could serve the wrong one.
VARY = "HX-Request, HX-Target"


def is_htmx(request: Request) -> bool:
    return request.headers.get("hx-request") == "true" and not request.headers.get(
        "hx-history-restore-request"
    )


def target(request: Request) -> str | None:
    return request.headers.get("hx-target") if is_htmx(request) else None


def layout_for(request: Request) -> str:
    """Full page normally; only the swapped block for an htmx request."""
    return "partial.html" if is_htmx(request) else "base.html"


def mark_vary(response: Response) -> Response:
    response.headers["Vary"] = VARY
    return response
