"""Optional email notifications for staff: never a community member's words (off by default).

When `smtp_url` is set and an organization gave a notification address, a proposed match
sends that organization one short plain-text email: that something was matched to them,
its category and coarse area, and a link to sign in and read it. Nothing a community member
wrote (description, contact details, name, pronouns, messages) is ever read here, so it can't
end up in a mailbox. With `smtp_url` empty, no connection is ever attempted.

A failure to send is logged as an event naming its kind only (no address, no content) and
never undoes or breaks the match.
"""

from __future__ import annotations

import asyncio
import logging
import smtplib
import ssl
import uuid
from dataclasses import dataclass
from email.message import EmailMessage
from email.utils import formatdate, make_msgid
from pathlib import Path
from urllib.parse import unquote, urlsplit

import jinja2

from mutualaid import i18n
from mutualaid.domain.catalog import category_label
from mutualaid.services import audit
from mutualaid.settings import Settings
from mutualaid.storage.models import Match, Organization

log = logging.getLogger("mutualaid.notify")

TEMPLATES_DIR = Path(__file__).resolve().parents[2] / "templates"
#: Seconds to wait for the mail server at each step; a slow server must not hold a match up.
SEND_TIMEOUT = 5.0
DEFAULT_PORTS = {"smtp": 25, "smtp+starttls": 587, "smtps": 465}


class BadSmtpUrl(ValueError):
    """`smtp_url` must look like smtp://host:port, smtp+starttls://host:port or smtps://."""


@dataclass(frozen=True)
class SmtpTarget:
    scheme: str
    host: str
    port: int
    username: str | None = None
    password: str | None = None


def smtp_target(url: str) -> SmtpTarget:
    """Read `smtp_url` (credentials, if any, in the URL's user part)."""
    parts = urlsplit(url)
    if parts.scheme not in DEFAULT_PORTS or not parts.hostname:
        raise BadSmtpUrl()
    try:
        port = parts.port or DEFAULT_PORTS[parts.scheme]
    except ValueError as error:
        raise BadSmtpUrl() from error
    return SmtpTarget(
        scheme=parts.scheme,
        host=parts.hostname,
        port=port,
        username=unquote(parts.username) if parts.username else None,
        password=unquote(parts.password) if parts.password else None,
    )


def _environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(TEMPLATES_DIR)),
        # Our emails are plain text (.txt), where HTML escaping would garble "&" or "<";
        # should an HTML template ever appear, it is escaped.
        autoescape=jinja2.select_autoescape(
            enabled_extensions=("html", "htm", "xml"), default_for_string=False, default=False
        ),
        extensions=["jinja2.ext.i18n"],
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.install_gettext_callables(  # type: ignore[attr-defined]
        gettext=i18n.gettext, ngettext=i18n.ngettext, newstyle=True
    )
    return env


_ENV = _environment()


@dataclass(frozen=True)
class MatchNotice:
    """Everything an email may say: nothing here was written by a community member."""

    to: str
    category_slug: str
    category_name: str
    area: str
    link: str
    language: str


async def _notice(match_id: uuid.UUID, settings: Settings) -> MatchNotice | None:
    """What to say, or None when there is nobody to tell."""
    rows = await Match.filter(id=match_id, organization_id__not_isnull=True).values_list(
        "organization_id",
        "need_id",
        "need__category__slug",
        "need__category__name",
        "need__area__name",
    )  # only these columns of the need: never its encrypted text
    if not rows:
        return None
    organization_id, need_id, category_slug, category_name, area_name = rows[0]
    organization = await Organization.get_or_none(id=organization_id)
    if organization is None or not organization.notification_email:
        return None
    spoken = [code for code in organization.languages.split(",") if code in i18n.LANGUAGES]
    return MatchNotice(
        to=organization.notification_email,
        category_slug=str(category_slug),
        category_name=str(category_name or ""),
        area=str(area_name),
        link=f"{settings.public_url.rstrip('/')}/portal/needs/{need_id}",
        language=spoken[0] if spoken else i18n.DEFAULT_LANGUAGE,
    )


def build_message(notice: MatchNotice, *, sender: str) -> EmailMessage:
    """The whole email, in the organization's language where we have it."""
    token = i18n.use_language(notice.language)
    try:
        body = _ENV.get_template("email/match_proposed.txt").render(
            category=category_label(notice.category_slug, notice.category_name),
            area=notice.area,
            link=notice.link,
        )
        subject = i18n.gettext("Something new was matched to your organization")
    finally:
        i18n.reset_language(token)
    message = EmailMessage()
    message["Subject"] = subject
    message["From"] = sender
    message["To"] = notice.to
    message["Date"] = formatdate(usegmt=True)
    message["Message-ID"] = make_msgid(domain=sender.rpartition("@")[2] or "localhost")
    message["Auto-Submitted"] = "auto-generated"
    message.set_content(body)
    return message


def _send(target: SmtpTarget, message: EmailMessage, *, helo: str, timeout: float) -> None:
    """Blocking: run in a thread. Raises OSError or smtplib.SMTPException on failure."""
    smtp: smtplib.SMTP
    if target.scheme == "smtps":
        smtp = smtplib.SMTP_SSL(
            target.host,
            target.port,
            local_hostname=helo,
            timeout=timeout,
            context=ssl.create_default_context(),
        )
    else:
        smtp = smtplib.SMTP(target.host, target.port, local_hostname=helo, timeout=timeout)
    with smtp:
        if target.scheme == "smtp+starttls":
            smtp.starttls(context=ssl.create_default_context())
        if target.username is not None:
            smtp.login(target.username, target.password or "")
        smtp.send_message(message)


def _failed(match_id: uuid.UUID, reason: str) -> bool:
    # The kind of failure only: SMTP errors can quote addresses, and never any content.
    log.warning("event=notify_failed match=%s reason=%s", match_id, reason)
    return False


async def match_proposed(
    match_id: uuid.UUID, *, settings: Settings, smtp_timeout: float = SEND_TIMEOUT
) -> bool:
    """Tell the matched organization that something was matched to it; True if sent.

    Off unless `settings.smtp_url` is set and the organization gave an address. Never
    raises: the match stands whatever happens to the email.
    """
    if not settings.smtp_url:
        return False
    try:
        target = smtp_target(settings.smtp_url)
    except BadSmtpUrl:
        return _failed(match_id, "bad_smtp_url")
    try:
        notice = await _notice(match_id, settings)
        if notice is None:
            return False
        message = build_message(notice, sender=settings.smtp_from)
        helo = urlsplit(settings.public_url).hostname or "localhost"
        await asyncio.to_thread(_send, target, message, helo=helo, timeout=smtp_timeout)
    except Exception as error:  # never let a notification break the match
        return _failed(match_id, type(error).__name__)
    log.info("event=notify_sent match=%s", match_id)
    return True


# --- The organization's notification address ---------------------------------------------


async def notification_address(organization_id: uuid.UUID) -> str | None:
    """Where this organization's notifications go (shown to its own members only)."""
    values = await Organization.filter(id=organization_id).values_list(
        "notification_email", flat=True
    )
    return str(values[0]) if values and values[0] else None


async def set_notification_address(
    organization_id: uuid.UUID, address: str | None, *, by: uuid.UUID
) -> bool:
    """Set (or, with None, clear) the address; False if the organization is gone."""
    changed = await Organization.filter(id=organization_id).update(notification_email=address)
    if not changed:
        return False
    await audit.record(
        None,
        staff_id=by,
        action="organization.notify_set" if address else "organization.notify_clear",
        record_type="organization",
        record_id=organization_id,
    )
    return True
