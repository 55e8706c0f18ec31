"""Staff accounts and their sessions: passwords, second factor, throttling, revocation."""

from __future__ import annotations

import hashlib
import secrets
import uuid
from dataclasses import dataclass
from datetime import datetime

import pyotp
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from tortoise.exceptions import IntegrityError
from tortoise.expressions import F
from tortoise.transactions import in_transaction

from mutualaid.domain import staff as rules
from mutualaid.domain.clock import now
from mutualaid.domain.errors import DomainError
from mutualaid.domain.staff import Role, SessionStage
from mutualaid.services import audit
from mutualaid.storage.models import Organization, StaffSession, StaffUser

TOTP_ISSUER = "mutualaid"


class SignInRefused(DomainError):
    """Wrong username or password, a locked or disabled account: all answered alike."""


class UsernameTaken(DomainError):
    """Usernames are unique."""


class WeakPassword(DomainError):
    """The new password breaks `staff.password_problem`; `reason` says how."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class WrongCode(DomainError):
    """The one-time code is wrong, expired, or was already used."""


@dataclass(frozen=True)
class StaffMember:
    """Who is signed in, as the web layer may see them."""

    id: uuid.UUID
    username: str
    role: Role
    organization_id: uuid.UUID | None
    stage: SessionStage
    has_totp: bool
    is_demo: bool


@dataclass(frozen=True)
class NewSession:
    token: str
    stage: SessionStage


class Passwords:
    """argon2id with the configured cost; one instance per app."""

    def __init__(self, *, memory_kib: int, time_cost: int, parallelism: int) -> None:
        self._hasher = PasswordHasher(
            time_cost=time_cost, memory_cost=memory_kib, parallelism=parallelism
        )
        # Verified against when the username is unknown, so timing doesn't tell.
        self._dummy = self._hasher.hash(secrets.token_urlsafe(16))

    def hash(self, password: str) -> str:
        return self._hasher.hash(password)

    def verify(self, stored: str | None, password: str) -> bool:
        try:
            return self._hasher.verify(stored or self._dummy, password) and stored is not None
        except (VerificationError, InvalidHashError):
            return False


def _token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def _member(user: StaffUser, stage: SessionStage) -> StaffMember:
    return StaffMember(
        id=user.id,
        username=user.username,
        role=Role(user.role),
        organization_id=user.organization_id,  # type: ignore[attr-defined]
        stage=stage,
        has_totp=user.totp_secret is not None,
        is_demo=user.is_demo,
    )


def normalize_username(username: str) -> str:
    return username.strip().lower()


async def create_staff(
    passwords: Passwords,
    *,
    username: str,
    password: str,
    role: Role,
    organization_id: uuid.UUID | None = None,
    created_by: uuid.UUID | None = None,
    is_demo: bool = False,
    totp_secret: str | None = None,
) -> uuid.UUID:
    name = normalize_username(username)
    problem = rules.password_problem(password, username=name)
    if problem:
        raise WeakPassword(problem)
    try:
        async with in_transaction() as conn:
            user = await StaffUser.create(
                username=name,
                password_hash=passwords.hash(password),
                role=role.value,
                organization_id=organization_id,
                is_demo=is_demo,
                totp_secret=totp_secret,
                created_at=now(),
                using_db=conn,
            )
            await audit.record(
                conn,
                staff_id=created_by,
                action="staff.create",
                record_type="staff",
                record_id=user.id,
            )
    except IntegrityError as error:
        raise UsernameTaken(name) from error
    return user.id


async def _start_session(user: StaffUser, stage: SessionStage) -> NewSession:
    token = secrets.token_urlsafe(32)
    moment = now()
    await StaffSession.create(
        token_hash=_token_hash(token),
        staff_id=user.id,
        stage=stage.value,
        created_at=moment,
        last_seen_at=moment,
    )
    return NewSession(token, stage)


async def sign_in(
    passwords: Passwords, *, username: str, password: str, allow_demo: bool = True
) -> NewSession:
    """Check the password (throttled per account) and open a session at the right stage."""
    user = await StaffUser.get_or_none(username=normalize_username(username))
    moment = now()
    locked = user is not None and user.locked_until is not None and user.locked_until > moment
    if not passwords.verify(user.password_hash if user else None, password) or locked:
        if user is not None and not locked:
            await _count_failure(user)
        raise SignInRefused()
    if user is None:  # unreachable: verify() fails without a stored hash
        raise SignInRefused()
    org_ok = True
    if user.organization_id is not None:  # type: ignore[attr-defined]
        org = await Organization.get(id=user.organization_id)  # type: ignore[attr-defined]
        org_ok = org.status != "suspended"
    if user.disabled or not org_ok or (user.is_demo and not allow_demo):
        raise SignInRefused()
    await StaffUser.filter(id=user.id).update(failed_attempts=0, locked_until=None)
    if user.totp_secret is not None:
        stage = SessionStage.PASSWORD
    elif Role(user.role) in rules.TOTP_REQUIRED:
        stage = SessionStage.ENROL
    else:
        stage = SessionStage.FULL
    if stage is SessionStage.FULL:
        await audit.record(
            None, staff_id=user.id, action="staff.sign_in", record_type="staff", record_id=user.id
        )
    return await _start_session(user, stage)


async def _count_failure(user: StaffUser) -> None:
    await StaffUser.filter(id=user.id).update(failed_attempts=F("failed_attempts") + 1)
    await user.refresh_from_db(fields=["failed_attempts"])
    if user.failed_attempts >= rules.MAX_FAILED_ATTEMPTS:
        await StaffUser.filter(id=user.id).update(
            locked_until=now() + rules.LOCKOUT, failed_attempts=0
        )


async def current_member(token: str | None) -> StaffMember | None:
    """The staff member behind a session token, if the session is alive; touches it."""
    if not token or len(token) > 100:
        return None
    session = await StaffSession.get_or_none(token_hash=_token_hash(token)).prefetch_related(
        "staff__organization"
    )
    if session is None:
        return None
    moment = now()
    organization = session.staff.organization
    if (
        moment - session.last_seen_at > rules.IDLE_TIMEOUT
        or moment - session.created_at > rules.ABSOLUTE_TIMEOUT
        or session.staff.disabled
        # A suspension that raced with this session still ends it.
        or (organization is not None and organization.status == "suspended")
    ):
        await session.delete()
        return None
    if (moment - session.last_seen_at).total_seconds() > 60:
        await StaffSession.filter(id=session.id).update(last_seen_at=moment)
    return _member(session.staff, SessionStage(session.stage))


async def end_session(token: str | None) -> None:
    if token:
        await StaffSession.filter(token_hash=_token_hash(token)).delete()


async def end_all_sessions(staff_id: uuid.UUID) -> int:
    return await StaffSession.filter(staff_id=staff_id).delete()


def _matching_step(secret: str, code: str, moment: datetime) -> int | None:
    """The time step a code belongs to (now, or one step either side), or None."""
    code = "".join(code.split())
    if not code.isdigit() or len(code) != 6:
        return None
    totp = pyotp.TOTP(secret)
    step = int(moment.timestamp()) // totp.interval
    for candidate in (step, step - 1, step + 1):
        if secrets.compare_digest(totp.generate_otp(candidate), code):
            return candidate
    return None


async def verify_second_factor(token: str, code: str) -> NewSession:
    """Finish signing in: a fresh session (the old token dies), stage full."""
    session = await StaffSession.get_or_none(token_hash=_token_hash(token)).prefetch_related(
        "staff"
    )
    if session is None or session.stage != SessionStage.PASSWORD.value:
        raise SignInRefused()
    user = session.staff
    await _accept_code(user, user.totp_secret, code)
    await session.delete()
    await audit.record(
        None, staff_id=user.id, action="staff.sign_in", record_type="staff", record_id=user.id
    )
    return await _start_session(user, SessionStage.FULL)


async def _accept_code(user: StaffUser, secret: str | None, code: str) -> None:
    """Accept a code once: a step at or before the last one used is refused (R5)."""
    step = _matching_step(secret, code, now()) if secret else None
    if step is None or (user.totp_last_step is not None and step <= user.totp_last_step):
        await _count_failure(user)
        raise WrongCode()
    updated = await StaffUser.filter(id=user.id, totp_last_step=user.totp_last_step).update(
        totp_last_step=step
    )
    if not updated:  # another request used a code at the same moment
        raise WrongCode()
    user.totp_last_step = step


async def begin_totp_setup(staff_id: uuid.UUID) -> str:
    """A new secret to confirm; the current one (if any) stays until then."""
    user = await StaffUser.get(id=staff_id)
    if user.totp_pending is None:
        user.totp_pending = pyotp.random_base32()
        await user.save(update_fields=["totp_pending"])
    return str(user.totp_pending)


def provisioning_uri(secret: str, username: str) -> str:
    return pyotp.TOTP(secret).provisioning_uri(name=username, issuer_name=TOTP_ISSUER)


async def confirm_totp_setup(token: str, code: str) -> NewSession:
    """Confirm the offered secret with a code; rotates the session to full."""
    session = await StaffSession.get_or_none(token_hash=_token_hash(token)).prefetch_related(
        "staff"
    )
    if session is None:
        raise SignInRefused()
    user = session.staff
    if user.totp_pending is None:
        raise WrongCode()
    await _accept_code(user, user.totp_pending, code)
    user.totp_secret, user.totp_pending = user.totp_pending, None
    await user.save(update_fields=["totp_secret", "totp_pending"])
    await session.delete()
    await audit.record(
        None, staff_id=user.id, action="staff.totp_enrol", record_type="staff", record_id=user.id
    )
    return await _start_session(user, SessionStage.FULL)


async def change_password(
    passwords: Passwords, *, staff_id: uuid.UUID, current: str, new: str, keep_token: str
) -> None:
    """Change a password; every other session of this account ends."""
    user = await StaffUser.get(id=staff_id)
    if not passwords.verify(user.password_hash, current):
        raise SignInRefused()
    problem = rules.password_problem(new, username=user.username)
    if problem:
        raise WeakPassword(problem)
    user.password_hash = passwords.hash(new)
    await user.save(update_fields=["password_hash"])
    await (
        StaffSession.filter(staff_id=staff_id).exclude(token_hash=_token_hash(keep_token)).delete()
    )
    await audit.record(
        None, staff_id=staff_id, action="staff.password", record_type="staff", record_id=staff_id
    )


async def set_disabled(*, staff_id: uuid.UUID, disabled: bool, by: uuid.UUID) -> None:
    """Disable (ending every session at once) or re-enable an account."""
    async with in_transaction() as conn:
        await StaffUser.filter(id=staff_id).using_db(conn).update(disabled=disabled)
        if disabled:
            await StaffSession.filter(staff_id=staff_id).using_db(conn).delete()
        await audit.record(
            conn,
            staff_id=by,
            action="staff.disable" if disabled else "staff.enable",
            record_type="staff",
            record_id=staff_id,
        )


async def staff_exists(staff_id: uuid.UUID) -> bool:
    return await StaffUser.exists(id=staff_id)


@dataclass(frozen=True)
class StaffRow:
    id: uuid.UUID
    username: str
    role: Role
    organization: str | None
    disabled: bool
    has_totp: bool


async def list_staff() -> list[StaffRow]:
    users = await StaffUser.all().order_by("role", "username").prefetch_related("organization")
    return [
        StaffRow(
            u.id,
            u.username,
            Role(u.role),
            u.organization.name if u.organization else None,
            u.disabled,
            u.totp_secret is not None,
        )
        for u in users
    ]
