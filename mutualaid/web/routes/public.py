"""Public pages: home, data practices, community agreements, health, quick exit."""

from __future__ import annotations

import os

from starlette.requests import Request
from starlette.responses import JSONResponse, RedirectResponse, Response
from starlette.routing import Route

from mutualaid.domain import money
from mutualaid.domain.inventory import INVENTORY, RETENTION
from mutualaid.i18n import _l
from mutualaid.services.health import database_ok
from mutualaid.web.auth import audience
from mutualaid.web.routes import Audience
from mutualaid.web.templating import render

TABLE_NAMES = {
    "Need": _l("Requests for help"),
    "Message": _l("Messages"),
    "Offer": _l("Offers of help"),
    "Area": _l("Areas"),
    "Category": _l("Kinds of help"),
    "Counter": _l("Totals for reports"),
    "QueueTally": _l("Counts for the coordinators' queue"),
    "NeedHistory": _l("What happened to each request"),
    "Match": _l("Matches"),
    "Organization": _l("Allied organizations"),
    "StaffUser": _l("Staff accounts"),
    "StaffSession": _l("Staff sessions"),
    "Invitation": _l("Invitation links"),
    "UsedForm": _l("Forms already sent"),
    "AuditEvent": _l("Staff activity log"),
    "Gift": _l("Gifts of money"),
    "GiftPayment": _l("Payments received"),
    "StripeEvent": _l("Payment notices already handled"),
    "Disbursement": _l("Money paid out"),
    "JobRun": _l("Scheduled job receipts"),
    "PublishedReport": _l("Published monthly reports"),
}


@audience(Audience.PUBLIC)
async def home(request: Request) -> Response:
    return render(request, "home.html")


@audience(Audience.PUBLIC)
async def privacy(request: Request) -> Response:
    """Data practices, rendered from the inventory and the live settings."""
    settings = request.app.state.settings
    fill = {
        "retention": settings.closed_retention_days,
        "expiry": settings.need_expiry_days,
        "audit": settings.audit_retention_days,
        "stripe_event_days": money.STRIPE_EVENT_DAYS,
        "abandoned_gift_days": money.ABANDONED_GIFT_DAYS,
        "unsettled_gift_days": money.UNSETTLED_GIFT_DAYS,
    }
    context = {
        "inventory": INVENTORY,
        "retention": {key: str(text) % fill for key, text in RETENTION.items()},
        "table_names": TABLE_NAMES,
    }
    return render(request, "privacy.html", context)


@audience(Audience.PUBLIC)
async def agreements(request: Request) -> Response:
    return render(request, "agreements.html")


@audience(Audience.PUBLIC)
async def healthz(request: Request) -> Response:
    ok = await database_ok()
    answer: dict[str, object] = {"status": "ok" if ok else "unavailable"}
    if request.app.state.settings.healthz_names_worker:
        # Tests only (refused in production): which of several workers answered.
        answer["worker"] = os.getpid()
    return JSONResponse(answer, status_code=200 if ok else 503)


@audience(Audience.PUBLIC)
async def quick_exit(request: Request) -> Response:
    """Leave at once: clear what this site left in the browser and go somewhere neutral."""
    response = RedirectResponse(request.app.state.settings.quick_exit_url, status_code=303)
    response.headers["Clear-Site-Data"] = '"cache", "cookies", "storage"'
    return response


routes = [
    Route("/", home, name="home", methods=["GET"]),
    Route("/privacy", privacy, name="privacy", methods=["GET"]),
    Route("/agreements", agreements, name="agreements", methods=["GET"]),
    Route("/healthz", healthz, name="healthz", methods=["GET"]),
    Route("/exit", quick_exit, name="exit", methods=["GET"]),
]
