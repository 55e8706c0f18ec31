"""Allied organizations as use cases: apply, invite, decide, and bring colleagues in.

Every staff action writes an audit event (privacy promise 8) naming the staff member and
the record id, never anything an organization or a community member wrote.
"""

from __future__ import annotations

import hashlib
import re
import secrets
import uuid
from dataclasses import dataclass
from datetime import datetime

from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.exceptions import IntegrityError
from tortoise.transactions import in_transaction

from mutualaid.domain import staff as staff_rules
from mutualaid.domain.catalog import CONTACT_LANGUAGES
from mutualaid.domain.clock import now, this_hour
from mutualaid.domain.errors import InvalidTransition
from mutualaid.domain.organizations import (
    ANSWER_LABELS,
    INVITATION_LIFETIME,
    STATUS_ORDER,
    WORKSHEET_QUESTIONS,
    Answer,
    Credit,
    Decision,
    InvalidInvitation,
    InvitationKind,
    OrganizationDraft,
    OrganizationStatus,
    UnknownOrganization,
    check_application,
    concerns,
    decide,
)
from mutualaid.domain.staff import Role
from mutualaid.services import audit
from mutualaid.services.catalog import active_areas
from mutualaid.services.staff import (
    Passwords,
    UsernameTaken,
    WeakPassword,
    end_all_sessions,
    normalize_username,
)
from mutualaid.storage.models import Invitation, Organization, StaffUser

#: What `secrets.token_urlsafe(32)` produces; anything else can't be one of our links.
TOKEN_SHAPE = re.compile(r"^[A-Za-z0-9_-]{43}$")


def _token_hash(token: str) -> str:
    """Links are stored only as SHA-256: a copy of the database can't be used to join."""
    return hashlib.sha256(token.encode()).hexdigest()


async def _new_invitation(
    conn: BaseDBAsyncClient,
    *,
    kind: InvitationKind,
    by: uuid.UUID,
    organization_id: uuid.UUID | None = None,
) -> tuple[str, uuid.UUID]:
    token = secrets.token_urlsafe(32)
    invitation = await Invitation.create(
        token_hash=_token_hash(token),
        kind=kind.value,
        organization_id=organization_id,
        created_by_id=by,
        expires_at=now() + INVITATION_LIFETIME,
        using_db=conn,
    )
    return token, invitation.id


async def _open_invitation(
    token: str, kind: InvitationKind, conn: BaseDBAsyncClient | None = None
) -> Invitation:
    """The unused, unexpired invitation behind a token, or InvalidInvitation for any failure."""
    if not TOKEN_SHAPE.match(token):
        raise InvalidInvitation()
    invitation = await Invitation.get_or_none(
        token_hash=_token_hash(token), kind=kind.value, used_at=None, using_db=conn
    )
    if invitation is None or invitation.expires_at <= now():
        raise InvalidInvitation()
    return invitation


async def _use_invitation(conn: BaseDBAsyncClient, invitation: Invitation) -> None:
    """Mark a link used, once: of two requests racing with the same link, one loses."""
    used = (
        await Invitation.filter(id=invitation.id, used_at=None).using_db(conn).update(used_at=now())
    )
    if used != 1:
        raise InvalidInvitation()


async def _check_account(passwords: Passwords, *, username: str, password: str) -> tuple[str, str]:
    """The same rules as `staff.create_staff`: a normalized free username, a long password.

    The hash is computed here, before any transaction opens, so argon2's deliberate cost
    never holds a database lock.
    """
    name = normalize_username(username)
    problem = staff_rules.password_problem(password, username=name)
    if problem:
        raise WeakPassword(problem)
    if await StaffUser.exists(username=name):
        raise UsernameTaken(name)
    return name, passwords.hash(password)


async def _create_member(
    conn: BaseDBAsyncClient, *, username: str, password_hash: str, organization_id: uuid.UUID
) -> uuid.UUID:
    user = await StaffUser.create(
        username=username,
        password_hash=password_hash,
        role=Role.ORGANIZATION.value,
        organization_id=organization_id,
        created_at=now(),
        using_db=conn,
    )
    # Someone making their own account is the one acting.
    await audit.record(
        conn, staff_id=user.id, action="staff.create", record_type="staff", record_id=user.id
    )
    return user.id


@dataclass(frozen=True)
class Applied:
    organization_id: uuid.UUID
    member_id: uuid.UUID


async def apply_organization(
    passwords: Passwords,
    *,
    draft: OrganizationDraft,
    username: str,
    password: str,
    invite_token: str | None = None,
) -> Applied:
    """A pending organization and its first member account, in one transaction.

    With a coordinator's invitation the link is used up and the organization marked
    invited; a bad link refuses the whole application (InvalidInvitation).
    """
    check_application(draft)
    areas = await active_areas(draft.areas, field="areas")
    if invite_token is not None:
        await _open_invitation(invite_token, InvitationKind.ORGANIZATION)
    name, password_hash = await _check_account(passwords, username=username, password=password)
    try:
        async with in_transaction() as conn:
            invitation = None
            if invite_token is not None:
                invitation = await _open_invitation(invite_token, InvitationKind.ORGANIZATION, conn)
                await _use_invitation(conn, invitation)
            organization = await Organization.create(
                name=draft.name,
                description=draft.description,
                public_contact=draft.public_contact,
                languages=",".join(dict.fromkeys(draft.languages)),
                credit=Credit(draft.credit).value,
                status=OrganizationStatus.PENDING.value,
                worksheet={key: Answer(draft.worksheet[key]).value for key in WORKSHEET_QUESTIONS},
                worksheet_notes=draft.worksheet_notes,
                no_strings_commitment=True,
                invited=invitation is not None,
                created_at=this_hour(),
                using_db=conn,
            )
            await organization.areas.add(*areas, using_db=conn)
            if invitation is not None:
                await (
                    Invitation.filter(id=invitation.id)
                    .using_db(conn)
                    .update(organization_id=organization.id)
                )
            member_id = await _create_member(
                conn, username=name, password_hash=password_hash, organization_id=organization.id
            )
            await audit.record(
                conn,
                staff_id=member_id,
                action="organization.apply",
                record_type="organization",
                record_id=organization.id,
            )
    except IntegrityError as error:  # the username was taken in the meantime
        raise UsernameTaken(name) from error
    return Applied(organization.id, member_id)


async def invite_organization(*, by: uuid.UUID) -> str:
    """A coordinator's one-time link for an organization to apply; returned once, never stored."""
    async with in_transaction() as conn:
        token, invitation_id = await _new_invitation(conn, kind=InvitationKind.ORGANIZATION, by=by)
        await audit.record(
            conn,
            staff_id=by,
            action="organization.invite",
            record_type="invitation",
            record_id=invitation_id,
        )
    return token


async def organization_invitation_is_open(token: str) -> bool:
    try:
        await _open_invitation(token, InvitationKind.ORGANIZATION)
    except InvalidInvitation:
        return False
    return True


async def _decide(org_id: uuid.UUID, decision: Decision, *, by: uuid.UUID) -> OrganizationStatus:
    async with in_transaction() as conn:
        organization = await Organization.filter(id=org_id).using_db(conn).first()
        if organization is None:
            raise UnknownOrganization()
        target = decide(OrganizationStatus(organization.status), decision)
        updated = (
            await Organization.filter(id=org_id, status=organization.status)
            .using_db(conn)
            .update(status=target.value, decided_at=this_hour())
        )
        if updated != 1:  # another coordinator decided at the same moment
            raise InvalidTransition("decided meanwhile")
        if target is OrganizationStatus.SUSPENDED:
            # Suspension takes effect now: every member is signed out. (Signing in again is
            # refused while suspended; their pledges drop out of matching and the directory
            # because those queries only read approved organizations.)
            members = await StaffUser.filter(organization_id=org_id).using_db(conn)
            for member in members:
                await end_all_sessions(member.id)
        await audit.record(
            conn,
            staff_id=by,
            action=f"organization.{decision.value}",
            record_type="organization",
            record_id=org_id,
        )
    return target


async def approve_organization(org_id: uuid.UUID, *, by: uuid.UUID) -> OrganizationStatus:
    return await _decide(org_id, Decision.APPROVE, by=by)


async def suspend_organization(org_id: uuid.UUID, *, by: uuid.UUID) -> OrganizationStatus:
    return await _decide(org_id, Decision.SUSPEND, by=by)


async def reinstate_organization(org_id: uuid.UUID, *, by: uuid.UUID) -> OrganizationStatus:
    return await _decide(org_id, Decision.REINSTATE, by=by)


async def _member_of(org_id: uuid.UUID, staff_id: uuid.UUID) -> StaffUser:
    """The staff member, if they belong to this organization; UnknownOrganization otherwise."""
    member = await StaffUser.get_or_none(
        id=staff_id, organization_id=org_id, role=Role.ORGANIZATION.value, disabled=False
    )
    if member is None:
        raise UnknownOrganization()
    return member


async def invite_member(org_id: uuid.UUID, *, by: uuid.UUID) -> str:
    """A member's one-time link for a colleague to join the same organization."""
    await _member_of(org_id, by)
    organization = await Organization.get_or_none(id=org_id)
    if organization is None or organization.status == OrganizationStatus.SUSPENDED.value:
        raise UnknownOrganization()
    async with in_transaction() as conn:
        token, invitation_id = await _new_invitation(
            conn, kind=InvitationKind.MEMBER, by=by, organization_id=org_id
        )
        await audit.record(
            conn,
            staff_id=by,
            action="organization.invite_member",
            record_type="invitation",
            record_id=invitation_id,
        )
    return token


async def member_invitation(token: str) -> str:
    """The name of the organization a join link is for, or InvalidInvitation."""
    invitation = await _open_invitation(token, InvitationKind.MEMBER)
    organization = await Organization.get_or_none(id=invitation.organization_id)  # type: ignore[attr-defined]
    if organization is None or organization.status == OrganizationStatus.SUSPENDED.value:
        raise InvalidInvitation()
    return organization.name


async def join_organization(
    passwords: Passwords, *, token: str, username: str, password: str
) -> uuid.UUID:
    """A new member account in the organization the link is for; the link is used up."""
    await member_invitation(token)
    name, password_hash = await _check_account(passwords, username=username, password=password)
    try:
        async with in_transaction() as conn:
            invitation = await _open_invitation(token, InvitationKind.MEMBER, conn)
            await _use_invitation(conn, invitation)
            member_id = await _create_member(
                conn,
                username=name,
                password_hash=password_hash,
                organization_id=invitation.organization_id,  # type: ignore[attr-defined]
            )
            await audit.record(
                conn,
                staff_id=member_id,
                action="organization.join",
                record_type="invitation",
                record_id=invitation.id,
            )
    except IntegrityError as error:
        raise UsernameTaken(name) from error
    return member_id


async def member_usernames(org_id: uuid.UUID, *, by: uuid.UUID) -> list[str]:
    """The usernames of an organization's members, for one of its own members only."""
    await _member_of(org_id, by)
    members = await StaffUser.filter(organization_id=org_id).order_by("username")
    return [member.username for member in members]


@dataclass(frozen=True)
class OrganizationRow:
    """One line of the coordinators' list."""

    id: uuid.UUID
    name: str
    status: OrganizationStatus
    invited: bool
    concern_count: int
    created_at: datetime


async def list_organizations() -> list[OrganizationRow]:
    """Every organization, those waiting for a decision first (oldest first), then by name."""
    rows = [
        OrganizationRow(
            org.id,
            org.name,
            OrganizationStatus(org.status),
            org.invited,
            len(concerns(org.worksheet)),
            org.created_at,
        )
        for org in await Organization.all()
    ]
    return sorted(
        rows,
        key=lambda row: (
            STATUS_ORDER[row.status],
            row.created_at.timestamp() if row.status is OrganizationStatus.PENDING else 0.0,
            row.name.casefold(),
        ),
    )


@dataclass(frozen=True)
class WorksheetLine:
    key: str
    question: str
    answer: str
    answer_label: str
    concern: bool


@dataclass(frozen=True)
class OrganizationDetail:
    id: uuid.UUID
    name: str
    description: str
    public_contact: str
    languages: tuple[str, ...]
    credit: Credit
    status: OrganizationStatus
    invited: bool
    areas: tuple[str, ...]
    worksheet: tuple[WorksheetLine, ...]
    worksheet_notes: str
    no_strings_commitment: bool
    member_count: int
    created_at: datetime
    decided_at: datetime | None

    @property
    def concern_count(self) -> int:
        return sum(line.concern for line in self.worksheet)


def _worksheet_lines(answers: dict[str, str]) -> tuple[WorksheetLine, ...]:
    flagged = set(concerns(answers))
    lines = []
    for key, question in WORKSHEET_QUESTIONS.items():
        answer = str(answers.get(key, ""))
        label = next((label for value, label in ANSWER_LABELS.items() if value == answer), "—")
        lines.append(WorksheetLine(key, str(question), answer, str(label), key in flagged))
    return tuple(lines)


async def organization_detail(org_id: uuid.UUID) -> OrganizationDetail:
    """Everything a coordinator weighs when deciding (promise 7), or UnknownOrganization."""
    organization = await Organization.get_or_none(id=org_id).prefetch_related("areas")
    if organization is None:
        raise UnknownOrganization()
    return OrganizationDetail(
        id=organization.id,
        name=organization.name,
        description=organization.description,
        public_contact=organization.public_contact,
        languages=tuple(
            str(CONTACT_LANGUAGES.get(code, code))
            for code in organization.languages.split(",")
            if code
        ),
        credit=Credit(organization.credit),
        status=OrganizationStatus(organization.status),
        invited=organization.invited,
        areas=tuple(area.name for area in organization.areas),
        worksheet=_worksheet_lines(organization.worksheet),
        worksheet_notes=organization.worksheet_notes,
        no_strings_commitment=organization.no_strings_commitment,
        member_count=await StaffUser.filter(organization_id=org_id).count(),
        created_at=organization.created_at,
        decided_at=organization.decided_at,
    )
