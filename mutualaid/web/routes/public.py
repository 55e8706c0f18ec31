"""Public pages: home, data practices, community agreements, health, quick exit."""

from __future__ import annotations

import os

from starlette.requests import Request
from starlette.responses import JSONResponse, RedirectResponse, Response
from starlette.routing import Route

from mutualaid.domain.inventory import INVENTORY, TABLE_NAMES, retention_texts
from mutualaid.services.health import database_ok
from mutualaid.web.auth import audience
from mutualaid.web.routes import Audience
from mutualaid.web.templating import render


@audience(Audience.PUBLIC)
async def home(request: Request) -> Response:
    return render(request, "home.html")


@audience(Audience.PUBLIC)
async def privacy(request: Request) -> Response:
    """Data practices, rendered from the inventory and the live settings."""
    settings = request.app.state.settings
    context = {
        "inventory": INVENTORY,
        "retention": retention_texts(
            closed_days=settings.closed_retention_days,
            expiry_days=settings.need_expiry_days,
            audit_days=settings.audit_retention_days,
        ),
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
