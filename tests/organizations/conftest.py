"""Helpers for organization tests: a good application, extra browsers, and what is stored."""

from __future__ import annotations

import re
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import AsyncExitStack
from typing import Any

import httpx2
import pytest
import pytest_asyncio

from mutualaid.domain.organizations import WORKSHEET_QUESTIONS, Answer, Credit, OrganizationDraft
from mutualaid.services.staff import Passwords
from mutualaid.storage.models import AuditEvent, Invitation, Organization, StaffSession, StaffUser
from mutualaid.web.app import create_app
from tests.conftest import (
    CANARY_CLIENT,
    Database,
    approved_organization,
    make_staff,
    sign_in_client,
)

#: Distinctive words in every free-text field, to look for where they must never be.
CANARIES = {
    "name": "Lantern Harm Reduction Collective",
    "description": "Night-time outreach kits quokka-canary-desc with naloxone and snacks",
    "public_contact": "frontdesk-quokka@example.org",
    "worksheet_notes": "One city grant quokka-canary-notes mentions police referrals",
}
APPLICANT_PASSWORD = "quiet harbour bells ring at dawn 7"

LINK = re.compile(r'<code class="secret" id="(?:invite|join)-link">([^<]+)</code>')

NewClient = Callable[[], Awaitable[httpx2.AsyncClient]]


def application(**overrides: Any) -> dict[str, Any]:
    """A complete, acceptable application form as a browser would send it (without CSRF)."""
    values: dict[str, Any] = {
        **CANARIES,
        "areas": ["downtown", "eastside"],
        "languages": ["en", "es"],
        "credit": "name",
        **{key: "no" for key in WORKSHEET_QUESTIONS},
        "no_strings_commitment": "yes",
        "username": f"lantern-{uuid.uuid4().hex[:6]}",
        "password": APPLICANT_PASSWORD,
        "confirm": APPLICANT_PASSWORD,
    }
    values.update(overrides)
    return {k: v for k, v in values.items() if v is not None}


def draft(**overrides: Any) -> OrganizationDraft:
    values: dict[str, Any] = {
        "name": CANARIES["name"],
        "description": CANARIES["description"],
        "public_contact": CANARIES["public_contact"],
        "areas": ("downtown",),
        "languages": ("en",),
        "credit": Credit.ANONYMOUS,
        "worksheet": {key: Answer.NO for key in WORKSHEET_QUESTIONS},
        "worksheet_notes": CANARIES["worksheet_notes"],
        "no_strings_commitment": True,
    }
    values.update(overrides)
    return OrganizationDraft(**values)


@pytest.fixture
def passwords(db: Database) -> Passwords:
    settings = db.settings
    return Passwords(
        memory_kib=settings.argon2_memory_kib,
        time_cost=settings.argon2_time_cost,
        parallelism=settings.argon2_parallelism,
    )


@pytest_asyncio.fixture
async def new_client(db: Database) -> AsyncIterator[NewClient]:
    """Another browser on the same app and database (each has its own cookies)."""
    app = create_app(db.settings, manage_storage=False)
    async with AsyncExitStack() as stack:

        async def make() -> httpx2.AsyncClient:
            transport = httpx2.ASGITransport(app=app, client=CANARY_CLIENT)
            client = httpx2.AsyncClient(transport=transport, base_url="http://testserver")
            return await stack.enter_async_context(client)

        yield make


async def signed_in(
    new_client: NewClient, db: Database, role: str, organization_id: uuid.UUID | None = None
) -> tuple[httpx2.AsyncClient, uuid.UUID]:
    """A fresh browser signed in as a new staff member of that role."""
    staff_id, secret = await make_staff(db, role=role, organization_id=organization_id)
    client = await new_client()
    await sign_in_client(client, db, staff_id, secret)
    return client, staff_id


async def pending_organization(db: Database, name: str = "Harbour Mutual Aid") -> uuid.UUID:
    """A pending organization stored directly (the apply flow is tested on its own)."""
    from mutualaid.domain.clock import this_hour

    org = await Organization.create(
        name=name,
        description="Showers and laundry on Tuesdays",
        public_contact="hello@harbour.example",
        languages="en",
        worksheet={key: "no" for key in WORKSHEET_QUESTIONS},
        no_strings_commitment=True,
        created_at=this_hour(),
    )
    return org.id


async def snapshot() -> dict[str, Any]:
    """Everything an organization request could change."""
    return {
        "organizations": sorted(
            str(row) for row in await Organization.all().values_list("id", "status", "invited")
        ),
        "staff": sorted(
            str(row) for row in await StaffUser.all().values_list("id", "organization_id")
        ),
        "invitations": sorted(
            str(row) for row in await Invitation.all().values_list("id", "used_at")
        ),
        "sessions": await StaffSession.all().count(),
        "audit": await AuditEvent.all().count(),
    }


#: Organization POST routes, for the app-wide CSRF walk in tests/web/test_csrf.py.
CSRF_ROUTES = {
    "org_apply_submit",
    "org_join_submit",
    "staff_organization_invite",
    "staff_organization_approve",
    "staff_organization_suspend",
    "staff_organization_reinstate",
    "portal_member_invite",
}


async def csrf_payload(
    client: httpx2.AsyncClient, db: Database, name: str
) -> tuple[str, str, dict[str, Any]]:
    """(page, path, fields) a real browser would use for each organization POST route,
    signing `client` in as the person the route is for.

    Signed-in routes take their token from a public page: the token belongs to the browser,
    and the walk clears cookies (the session too) part-way through.
    """
    from mutualaid.services.organizations import invite_member, suspend_organization

    if name == "org_apply_submit":
        return "/organizations/apply", "/organizations/apply", application()
    if name in ("org_join_submit", "portal_member_invite"):
        org_id = await approved_organization(db, name=f"Org {uuid.uuid4().hex[:6]}")
        member_id, _ = await make_staff(db, role="organization", organization_id=org_id)
        if name == "portal_member_invite":
            await sign_in_client(client, db, member_id, None)
            return "/check", "/portal/members/invite", {}
        path = f"/join/{await invite_member(org_id, by=member_id)}"
        fields = {
            "username": "joiner",
            "password": APPLICANT_PASSWORD,
            "confirm": APPLICANT_PASSWORD,
        }
        return path, path, fields
    coordinator_id, secret = await make_staff(db, role="coordinator")
    await sign_in_client(client, db, coordinator_id, secret)
    if name == "staff_organization_invite":
        return "/check", "/staff/organizations/invite", {}
    action = name.removeprefix("staff_organization_")
    if action == "approve":
        org_id = await pending_organization(db)
    else:
        org_id = await approved_organization(db, name=f"Org {uuid.uuid4().hex[:6]}")
        if action == "reinstate":
            await suspend_organization(org_id, by=coordinator_id)
    return "/check", f"/staff/organizations/{org_id}/{action}", {}
