"""Staff notifications through a real SMTP server on 127.0.0.1: one short email with a link
and nothing a community member wrote; nothing at all when SMTP isn't configured; and a mail
server that is down, silent or refusing never breaks a match."""

from __future__ import annotations

import logging
import smtplib
import socket
import time
import uuid
from collections.abc import Iterator
from typing import Any

import httpx2
import pytest
from aiosmtpd.smtp import SMTP, Envelope, Session

from mutualaid.domain.catalog import OfferDraft, OfferKind
from mutualaid.domain.codenames import codename_hash
from mutualaid.services import notify
from mutualaid.services.matching import propose_match
from mutualaid.services.offers import post_offer
from mutualaid.settings import Settings
from mutualaid.storage.models import AuditEvent, Match, Need, Offer
from tests.conftest import Database, make_staff
from tests.tools.conftest import (
    ALL_CANARIES,
    CANARIES,
    CANARY_MESSAGE,
    SmtpServer,
    free_port,
    matched_need,
)

ADDRESS = "alerts@example.org"


def _our_log(caplog: pytest.LogCaptureFixture) -> str:
    """Everything logged on our side (the test's own mail server logs as "mail.log")."""
    return "\n".join(
        f"{r.name} {r.getMessage()} {r.exc_text or ''}"
        for r in caplog.records
        if not r.name.startswith("mail.log")
    )


def _with(db: Database, **overrides: Any) -> Settings:
    return db.settings.model_copy(update=overrides)


@pytest.fixture
def connections(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[Any]]:
    """Every outgoing TCP connection attempted, recorded at the socket level (and let through)."""
    attempts: list[Any] = []
    real_connect = socket.socket.connect
    real_connect_ex = socket.socket.connect_ex
    real_create = socket.create_connection

    def connect(self: socket.socket, address: Any) -> Any:
        attempts.append(address)
        return real_connect(self, address)

    def connect_ex(self: socket.socket, address: Any) -> Any:
        attempts.append(address)
        return real_connect_ex(self, address)

    def create_connection(address: Any, *args: Any, **kwargs: Any) -> Any:
        attempts.append(address)
        return real_create(address, *args, **kwargs)

    monkeypatch.setattr(socket.socket, "connect", connect)
    monkeypatch.setattr(socket.socket, "connect_ex", connect_ex)
    monkeypatch.setattr(socket, "create_connection", create_connection)
    yield attempts


async def test_the_organization_gets_one_email_with_a_link_and_no_ones_words(
    db: Database, smtp_server: SmtpServer, caplog: pytest.LogCaptureFixture
) -> None:
    matched = await matched_need(db, email=ADDRESS)
    settings = _with(
        db,
        smtp_url=smtp_server.url,
        smtp_from="coordination@mutualaid.example",
        public_url="https://aid.example.org/",
    )
    with caplog.at_level(logging.DEBUG):
        sent = await notify.match_proposed(matched.match_id, settings=settings)
    assert sent is True
    assert len(smtp_server.mailbox.envelopes) == 1
    envelope = smtp_server.mailbox.envelopes[0]
    assert envelope.rcpt_tos == [ADDRESS]
    assert envelope.mail_from == "coordination@mutualaid.example"
    email = smtp_server.mailbox.emails[0]
    assert email["To"] == ADDRESS
    assert email["Subject"] == "Something new was matched to your organization"
    assert not email.is_multipart()
    assert email.get_content_type() == "text/plain"
    body = email.get_payload(decode=True).decode()
    assert f"https://aid.example.org/portal/needs/{matched.need_id}" in body
    assert "Category: Hygiene and harm-reduction supplies" in body
    assert "Area: Downtown" in body

    # Nothing a community member wrote, in any form, anywhere in what was sent.
    raw = bytes(envelope.original_content or b"").decode("utf-8", "replace").lower()
    need = await Need.get(id=matched.need_id)
    for canary in (*ALL_CANARIES, need.codename_hash):
        assert canary.lower() not in raw, canary
    # The log says an email went, never to whom or what it said.
    log = _our_log(caplog)
    assert "notify_sent" in log
    assert ADDRESS not in log
    assert "quokka" not in log


async def test_the_email_is_in_the_organizations_language(
    db: Database, smtp_server: SmtpServer
) -> None:
    matched = await matched_need(db)
    from mutualaid.storage.models import Organization

    await Organization.filter(id=matched.organization_id).update(languages="es,en")
    settings = _with(db, smtp_url=smtp_server.url)
    assert await notify.match_proposed(matched.match_id, settings=settings)
    body = smtp_server.mailbox.emails[0].get_payload(decode=True).decode()
    from mutualaid.i18n import translations

    spanish = translations("es").gettext("Hygiene and harm-reduction supplies")
    assert spanish != "Hygiene and harm-reduction supplies"
    assert spanish in body
    assert f"/portal/needs/{matched.need_id}" in body
    assert "Downtown" in body


async def test_with_no_smtp_url_no_connection_is_ever_attempted(
    db: Database,
    smtp_server: SmtpServer,
    connections: list[Any],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    matched = await matched_need(db)
    assert db.settings.smtp_url == ""  # off by default

    class NoSMTP:
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            raise AssertionError("an SMTP connection was attempted")

    monkeypatch.setattr(smtplib, "SMTP", NoSMTP)
    monkeypatch.setattr(smtplib, "SMTP_SSL", NoSMTP)
    connections.clear()
    assert await notify.match_proposed(matched.match_id, settings=db.settings) is False
    assert await notify.match_proposed(matched.match_id, settings=_with(db, smtp_url="")) is False
    # Not a socket opened (the database, when PostgreSQL, is already connected).
    assert connections == []
    assert smtp_server.mailbox.envelopes == []
    assert smtp_server.mailbox.sessions == 0


async def test_settings_default_to_no_email() -> None:
    assert Settings.model_fields["smtp_url"].default == ""


async def test_no_address_or_a_community_offer_means_no_email(
    db: Database, smtp_server: SmtpServer
) -> None:
    settings = _with(db, smtp_url=smtp_server.url)
    matched = await matched_need(db, email=None)
    assert await notify.match_proposed(matched.match_id, settings=settings) is False
    assert await notify.match_proposed(uuid.uuid4(), settings=settings) is False

    # A match with a community member's offer has no organization to tell.
    key = db.settings.secret("codename_key")
    from mutualaid.domain.clock import today
    from mutualaid.services.needs import post_need
    from tests.services.conftest import need_draft

    codename = await post_need(need_draft(category="transport"), codename_key=key)
    need = await Need.get(codename_hash=codename_hash(codename, key))
    offer_code = await post_offer(
        OfferDraft(OfferKind.RIDE, "transport", ("downtown",), 2, today(), "en"), codename_key=key
    )
    offer = await Offer.get(codename_hash=codename_hash(offer_code, key))
    coordinator, _ = await make_staff(db, role="coordinator")
    match_id = await propose_match(need.id, offer.id, by=coordinator)
    assert await notify.match_proposed(match_id, settings=settings) is False
    assert smtp_server.mailbox.envelopes == []


async def _assert_match_stands(match_id: uuid.UUID, need_id: uuid.UUID) -> None:
    match = await Match.get(id=match_id)
    assert match.status == "proposed"
    assert (await Need.get(id=need_id)).status == "matched"
    assert await AuditEvent.filter(action="match.propose", record_id=str(match_id)).count() == 1


async def test_an_unreachable_server_doesnt_break_the_match(
    db: Database, caplog: pytest.LogCaptureFixture
) -> None:
    matched = await matched_need(db)
    settings = _with(db, smtp_url=f"smtp://127.0.0.1:{free_port()}")  # nothing listens
    with caplog.at_level(logging.DEBUG):
        sent = await notify.match_proposed(matched.match_id, settings=settings)
    assert sent is False
    await _assert_match_stands(matched.match_id, matched.need_id)
    assert "event=notify_failed" in caplog.text
    assert "ConnectionRefusedError" in caplog.text
    assert ADDRESS not in caplog.text
    for canary in ALL_CANARIES:
        assert canary not in caplog.text


async def test_a_silent_server_times_out_quickly(db: Database) -> None:
    matched = await matched_need(db)
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as silent:
        silent.bind(("127.0.0.1", 0))
        silent.listen(1)  # accepts the connection, never says hello
        port = silent.getsockname()[1]
        settings = _with(db, smtp_url=f"smtp://127.0.0.1:{port}")
        started = time.monotonic()
        sent = await notify.match_proposed(matched.match_id, settings=settings, smtp_timeout=0.5)
        elapsed = time.monotonic() - started
    assert sent is False
    assert elapsed < 5
    await _assert_match_stands(matched.match_id, matched.need_id)


class Refusing:
    """A mail server that refuses every recipient (its reply quotes the address)."""

    async def handle_RCPT(
        self, server: SMTP, session: Session, envelope: Envelope, address: str, options: list[str]
    ) -> str:
        return f"550 No such user here: {address}"


async def test_a_refusing_server_is_logged_without_the_address(
    db: Database, caplog: pytest.LogCaptureFixture
) -> None:
    from aiosmtpd.controller import Controller

    matched = await matched_need(db)
    port = free_port()
    controller = Controller(Refusing(), hostname="127.0.0.1", port=port, ready_timeout=5)
    controller.start()
    try:
        with caplog.at_level(logging.DEBUG):
            sent = await notify.match_proposed(
                matched.match_id, settings=_with(db, smtp_url=f"smtp://127.0.0.1:{port}")
            )
    finally:
        controller.stop()
    assert sent is False
    log = _our_log(caplog)
    assert "SMTPRecipientsRefused" in log
    assert ADDRESS not in log
    assert "example.org" not in log
    await _assert_match_stands(matched.match_id, matched.need_id)


@pytest.mark.parametrize(
    "url", ["http://127.0.0.1:25", "smtp://", "smtp://127.0.0.1:notaport", "127.0.0.1:25"]
)
async def test_a_malformed_smtp_url_sends_nothing_and_says_so(
    db: Database, url: str, connections: list[Any], caplog: pytest.LogCaptureFixture
) -> None:
    matched = await matched_need(db)
    connections.clear()
    with caplog.at_level(logging.DEBUG):
        assert (
            await notify.match_proposed(matched.match_id, settings=_with(db, smtp_url=url)) is False
        )
    assert connections == []
    assert "reason=bad_smtp_url" in caplog.text
    await _assert_match_stands(matched.match_id, matched.need_id)


def test_smtp_urls_are_read_with_their_default_ports() -> None:
    assert notify.smtp_target("smtp://127.0.0.1:2525") == notify.SmtpTarget(
        "smtp", "127.0.0.1", 2525
    )
    assert notify.smtp_target("smtps://mail.example.org").port == 465
    target = notify.smtp_target("smtp+starttls://user%40x:p%3Ass@mail.example.org")
    assert (target.port, target.username, target.password) == (587, "user@x", "p:ss")


async def test_canaries_really_are_in_the_database(db: Database) -> None:
    """The control for the tests above: the need and its thread hold every canary."""
    from mutualaid.storage.models import Message

    matched = await matched_need(db)
    need = await Need.get(id=matched.need_id)
    assert need.description == CANARIES["description"]
    assert need.contact == CANARIES["contact"]
    assert need.preferred_name == CANARIES["preferred_name"]
    assert need.pronouns == CANARIES["pronouns"]
    assert (await Message.get(need_id=need.id)).body == CANARY_MESSAGE


async def test_proposing_in_the_console_answers_first_then_emails_the_organization(
    db: Database, smtp_server: SmtpServer
) -> None:
    """The console's propose route sends the notice as a task after its response: a slow or
    dead mail server never holds up the coordinator, and the email still goes out once."""
    from mutualaid.services.matching import decline_match
    from mutualaid.web.app import create_app
    from tests.conftest import CANARY_CLIENT, csrf_token, sign_in_client

    matched = await matched_need(db)
    offer_id = (await Match.get(id=matched.match_id)).offer_id  # type: ignore[attr-defined]
    await decline_match(
        matched.need_id, actor_role="organization", organization_id=matched.organization_id
    )
    staff_id, secret = await make_staff(db, role="coordinator")
    app = create_app(_with(db, smtp_url=smtp_server.url), manage_storage=False)
    transport = httpx2.ASGITransport(app=app, client=CANARY_CLIENT)
    async with httpx2.AsyncClient(transport=transport, base_url="http://testserver") as client:
        await sign_in_client(client, db, staff_id, secret)
        token = await csrf_token(client, "/check")
        response = await client.post(
            f"/staff/needs/{matched.need_id}/match",
            data={"csrf_token": token, "offer_id": str(offer_id)},
        )
    assert response.status_code == 303
    assert response.headers["location"].endswith("?done=proposed")
    assert len(smtp_server.mailbox.envelopes) == 1
    assert smtp_server.mailbox.envelopes[0].rcpt_tos == [ADDRESS]
