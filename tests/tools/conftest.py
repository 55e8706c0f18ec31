"""Helpers for coordinators' tools and notifications: signed-in staff, a real local SMTP
server, needs full of canary text, and payloads for the app-wide CSRF walk."""

from __future__ import annotations

import socket
import threading
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import timedelta
from email import message_from_bytes
from email.message import Message as Email
from typing import Any

import httpx2
import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import SMTP, Envelope, Session

from mutualaid.domain.clock import today
from mutualaid.domain.codenames import codename_hash
from mutualaid.domain.needs import NeedDraft, Urgency
from mutualaid.services.coordinator_tools import set_area_active, set_category_active
from mutualaid.services.matching import propose_match
from mutualaid.services.needs import add_message, post_need
from mutualaid.storage.models import Area, AuditEvent, Category, Need, Organization
from tests.conftest import Database, make_staff
from tests.pledges.conftest import organization, sign_in_coordinator, sign_in_member
from tests.pledges.conftest import pledge as make_pledge

#: Words that must never leave the database in an email, a log or a staff page.
CANARIES = {
    "description": "Groceries quokka-canary-description for the week",
    "contact": "signal: quokka-canary-contact.77",
    "preferred_name": "Quokkaname",
    "pronouns": "quokka/canary",
}
CANARY_MESSAGE = "Please bring quokka-canary-message soon"
ALL_CANARIES = (*CANARIES.values(), CANARY_MESSAGE, "quokka")


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
    return port


@dataclass
class Mailbox:
    """What a real SMTP server on 127.0.0.1 received."""

    envelopes: list[Envelope] = field(default_factory=list)
    sessions: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)

    async def handle_DATA(self, server: SMTP, session: Session, envelope: Envelope) -> str:
        with self.lock:
            self.envelopes.append(envelope)
        return "250 Message accepted for delivery"

    async def handle_EHLO(
        self,
        server: SMTP,
        session: Session,
        envelope: Envelope,
        hostname: str,
        responses: list[str],
    ) -> list[str]:
        with self.lock:
            self.sessions += 1
        session.host_name = hostname
        return responses

    @property
    def emails(self) -> list[Email]:
        with self.lock:
            return [message_from_bytes(bytes(e.original_content or b"")) for e in self.envelopes]


@dataclass
class SmtpServer:
    url: str
    mailbox: Mailbox
    port: int


@pytest.fixture
def smtp_server() -> Iterator[SmtpServer]:
    """aiosmtpd on 127.0.0.1 and a free port, in its own thread, for one test."""
    mailbox = Mailbox()
    port = free_port()
    controller = Controller(mailbox, hostname="127.0.0.1", port=port, ready_timeout=5)
    controller.start()
    # The controller says hello to itself when starting; count only what tests send.
    mailbox.sessions = 0
    try:
        yield SmtpServer(f"smtp://127.0.0.1:{port}", mailbox, port)
    finally:
        controller.stop()


@dataclass
class MatchedNeed:
    need_id: uuid.UUID
    match_id: uuid.UUID
    organization_id: uuid.UUID
    coordinator_id: uuid.UUID


async def matched_need(db: Database, *, email: str | None = "alerts@example.org") -> MatchedNeed:
    """A need full of canary text, a message in its thread, matched to an organization's
    pledge by a coordinator through the real services."""
    key = db.settings.secret("codename_key")
    codename = await post_need(
        NeedDraft(
            category="hygiene",
            area="downtown",
            urgency=Urgency.SOON,
            language="en",
            **CANARIES,
        ),
        codename_key=key,
    )
    need = await Need.get(codename_hash=codename_hash(codename, key))
    await add_message(need.id, author_role="member", body=CANARY_MESSAGE)
    org = await organization(db)
    await Organization.filter(id=org).update(notification_email=email)
    offer = await make_pledge(
        db,
        org,
        weekly_hours=(),
        available_until=today() + timedelta(days=30),
    )
    coordinator, _ = await make_staff(db, role="coordinator")
    match_id = await propose_match(need.id, offer, by=coordinator)
    return MatchedNeed(need.id, match_id, org, coordinator)


async def area_id(slug: str) -> uuid.UUID:
    return (await Area.get(slug=slug)).id


async def category_id(slug: str) -> uuid.UUID:
    return (await Category.get(slug=slug)).id


async def neighbour_pairs() -> set[tuple[str, str]]:
    """Every stored (area, neighbour) row, by slug."""
    pairs: set[tuple[str, str]] = set()
    for area in await Area.all().prefetch_related("neighbours"):
        pairs |= {(area.slug, other.slug) for other in area.neighbours}
    return pairs


async def tools_state() -> dict[str, Any]:
    """Areas, neighbours, categories and notification addresses: what these forms change."""
    return {
        "areas": sorted((a.slug, a.name, a.group, a.active, a.position) for a in await Area.all()),
        "neighbours": sorted(await neighbour_pairs()),
        "categories": sorted((c.slug, c.name, c.active) for c in await Category.all()),
        "addresses": sorted(str(o.notification_email) for o in await Organization.all()),
        "audit": await AuditEvent.all().count(),
    }


def area_form(**overrides: Any) -> dict[str, Any]:
    values: dict[str, Any] = {
        "name": "Harbourside",
        "slug": "",
        "group": "Central",
        "neighbours": ["downtown", "westside"],
    }
    values.update(overrides)
    return {k: v for k, v in values.items() if v is not None}


#: This module's POST routes, for the CSRF test that walks every POST route.
CSRF_ROUTES = {
    "staff_areas_create",
    "staff_area_update",
    "staff_area_deactivate",
    "staff_area_reactivate",
    "staff_categories_create",
    "staff_category_rename",
    "staff_category_deactivate",
    "staff_category_reactivate",
    "portal_notifications_submit",
}
#: Every one changes `tests.web.conftest.stored()` when accepted (areas, categories,
#: notification addresses).
CSRF_CHANGES = CSRF_ROUTES


async def csrf_payload(
    client: httpx2.AsyncClient, db: Database, name: str
) -> tuple[str, str, dict[str, Any]]:
    """(page, path, fields) a real browser would send to each of these routes."""
    if name == "portal_notifications_submit":
        org = await organization(db)
        await sign_in_member(client, db, org)
        return "/check", "/portal/notifications", {"notification_email": "desk@example.org"}
    staff_id = await sign_in_coordinator(client, db)
    if name == "staff_areas_create":
        return "/check", "/staff/areas", area_form()
    if name.startswith("staff_area_"):
        area = await area_id("eastside")
        path = f"/staff/areas/{area}"
        if name == "staff_area_update":
            fields = {"name": "East End", "group": "East", "neighbours": ["westside"]}
            return "/check", path, fields
        if name == "staff_area_reactivate":
            await set_area_active(area, active=False, by=staff_id)
        return "/check", f"{path}/{name.removeprefix('staff_area_')}", {}
    if name == "staff_categories_create":
        return "/check", "/staff/categories", {"name": "Laundry", "slug": ""}
    category = await category_id("food")
    path = f"/staff/categories/{category}"
    if name == "staff_category_rename":
        from mutualaid.services.coordinator_tools import create_category

        custom = await create_category("Laundry", slug="laundry", by=staff_id)
        return "/check", f"/staff/categories/{custom}", {"name": "Laundry and showers"}
    if name == "staff_category_reactivate":
        await set_category_active(category, active=False, by=staff_id)
    return "/check", f"{path}/{name.removeprefix('staff_category_')}", {}


# Apps with their own settings on the test database (the web tests' fixture).
from tests.web.conftest import make_client  # noqa: E402, F401
