"""Web test helpers: apps with their own settings on the test database, and row snapshots."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import AsyncExitStack
from pathlib import Path
from typing import Any

import httpx2
import pytest_asyncio

from mutualaid.storage.models import (
    Area,
    Category,
    Counter,
    Disbursement,
    Gift,
    GiftPayment,
    Invitation,
    Message,
    Need,
    Offer,
    Organization,
    StaffSession,
    StaffUser,
)
from mutualaid.web.app import MutualAidApp, create_app
from tests.conftest import CANARY_CLIENT, Database, make_settings

MakeClient = Callable[..., Awaitable[tuple[MutualAidApp, httpx2.AsyncClient]]]

#: The exact policy a browser must get: nothing from anywhere else, no inline code.
EXPECTED_CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
    "font-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; "
    "base-uri 'none'; object-src 'none'"
)


@pytest_asyncio.fixture
async def make_client(db: Database, tmp_path: Path) -> AsyncIterator[MakeClient]:
    """Build the real app with overridden settings, on the database `db` opened."""
    async with AsyncExitStack() as stack:

        async def make(
            *, raise_app_exceptions: bool = True, **overrides: Any
        ) -> tuple[MutualAidApp, httpx2.AsyncClient]:
            settings = make_settings(tmp_path, database_url=db.url, **overrides)
            app = create_app(settings, manage_storage=False)
            transport = httpx2.ASGITransport(
                app=app, client=CANARY_CLIENT, raise_app_exceptions=raise_app_exceptions
            )
            client = httpx2.AsyncClient(transport=transport, base_url="http://testserver")
            await stack.enter_async_context(client)
            return app, client

        yield make


async def stored() -> dict[str, Any]:
    """Everything a request could have changed: rows, statuses and counter totals."""
    return {
        "needs": sorted((str(n.id), n.status, n.contact) for n in await Need.all()),
        "offers": sorted((str(o.id), o.status) for o in await Offer.all()),
        "messages": await Message.all().count(),
        "counters": sorted(
            await Counter.all().values_list("period", "metric", "category", "area_group", "value")
        ),
        # Staff and organizations: accounts, sessions, standing, invitations.
        "staff": sorted(
            (str(u.id), u.disabled, u.password_hash, u.totp_secret is None)
            for u in await StaffUser.all()
        ),
        "sessions": sorted((str(s.id), s.stage) for s in await StaffSession.all()),
        "organizations": sorted((str(o.id), o.status) for o in await Organization.all()),
        "invitations": await Invitation.all().count(),
        # Coordinators' tools: areas with their neighbours, categories, notification addresses.
        "areas": sorted(
            (a.slug, a.name, a.group, a.active, tuple(sorted(n.slug for n in a.neighbours)))
            for a in await Area.all().prefetch_related("neighbours")
        ),
        "categories": sorted((c.slug, c.name, c.active) for c in await Category.all()),
        "notification_addresses": sorted(
            str(o.notification_email) for o in await Organization.all()
        ),
        # Funds: gifts, payments and disbursements.
        "gifts": sorted((str(g.id), g.status) for g in await Gift.all()),
        "payments": sorted((p.stripe_ref, p.refunded, p.disputed) for p in await GiftPayment.all()),
        "disbursements": await Disbursement.all().count(),
    }


def assert_security_headers(response: httpx2.Response, *, static: bool = False) -> None:
    headers = response.headers
    assert headers["content-security-policy"] == EXPECTED_CSP
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["referrer-policy"] == "no-referrer"
    assert headers["x-frame-options"] == "DENY"
    assert headers["cross-origin-opener-policy"] == "same-origin"
    assert headers["cross-origin-resource-policy"] == "same-origin"
    for name in ("server", "etag", "x-powered-by", "last-modified"):
        assert name not in headers
    assert "strict-transport-security" not in headers  # plain HTTP in tests
    if not static:
        assert headers["cache-control"] == "no-store"
        assert headers["pragma"] == "no-cache"


TOKEN = re.compile(r'name="csrf_token" value="([0-9a-f]+)"')


def token_in(page: httpx2.Response) -> str:
    match = TOKEN.search(page.text)
    assert match, "page has no CSRF token"
    return match.group(1)
