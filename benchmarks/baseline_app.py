"""The bare stack, for `make bench` to compare the app with: `uvicorn --factory
benchmarks.baseline_app:app` with BASELINE_DATABASE_URL set.

Three routes, each the least the stack does for one kind of page:
- GET /plain: Starlette answering plain text;
- GET /template: Jinja2 rendering a small page (autoescaped, a loop), through Starlette;
- POST /insert: a small form read and one row inserted through Tortoise into a database of
  the same kind as the app's (SQLite with the app's PRAGMAs, or PostgreSQL), then a 303.
No middleware, no CSRF, no encryption: that is what the ratios measure.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import UTC, datetime
from pathlib import Path

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import PlainTextResponse, RedirectResponse, Response
from starlette.routing import Route
from starlette.templating import Jinja2Templates
from tortoise import Tortoise, fields
from tortoise.models import Model

from mutualaid.storage.db import database_url

URL_ENV = "BASELINE_DATABASE_URL"
TEMPLATES = Jinja2Templates(directory=Path(__file__).resolve().parent / "baseline_templates")
ITEMS = [{"slug": f"item-{n}", "name": f"Item {n}"} for n in range(8)]


class BaselineRow(Model):
    id = fields.UUIDField(primary_key=True)
    body = fields.TextField()
    created_at = fields.DatetimeField()

    class Meta:
        table = "baseline_row"


async def plain(request: Request) -> Response:
    return PlainTextResponse("Hello, world!")


async def template(request: Request) -> Response:
    context = {"title": "Bare template", "intro": "A small page & a loop.", "items": ITEMS}
    return TEMPLATES.TemplateResponse(request, "small.html", context)


async def insert(request: Request) -> Response:
    form = await request.form()
    await BaselineRow.create(
        id=uuid.uuid4(), body=str(form.get("body", "")), created_at=datetime.now(UTC)
    )
    return RedirectResponse("/plain", status_code=303)


def app() -> Starlette:
    url = os.environ[URL_ENV]

    @asynccontextmanager
    async def lifespan(_: Starlette) -> AsyncIterator[None]:
        await Tortoise.init(
            config={
                "connections": {"default": database_url(url)},
                "apps": {"baseline": {"models": [__name__], "default_connection": "default"}},
                "use_tz": True,
                "timezone": "UTC",
            },
            _enable_global_fallback=True,  # as the app starts Tortoise (storage/db.py)
        )
        await Tortoise.generate_schemas(safe=True)
        try:
            yield
        finally:
            await Tortoise.close_connections()

    return Starlette(
        routes=[
            Route("/plain", plain, methods=["GET"]),
            Route("/template", template, methods=["GET"]),
            Route("/insert", insert, methods=["POST"]),
        ],
        lifespan=lifespan,
    )
