"""Staff accounts: roles, what each may do, and the rules for signing in."""

from __future__ import annotations

from datetime import timedelta
from enum import StrEnum

from mutualaid.i18n import _l


class Role(StrEnum):
    ADMIN = "admin"
    COORDINATOR = "coordinator"
    ORGANIZATION = "organization"


ROLE_LABELS = {
    Role.ADMIN: _l("Admin"),
    Role.COORDINATOR: _l("Coordinator"),
    Role.ORGANIZATION: _l("Organization member"),
}

#: Coordinators and admins read community members' words, so a second factor is required.
TOTP_REQUIRED = frozenset({Role.ADMIN, Role.COORDINATOR})

MIN_PASSWORD_CHARS = 15
MAX_PASSWORD_CHARS = 256

#: Sessions end after this long without a request, and this long after signing in at most.
IDLE_TIMEOUT = timedelta(minutes=30)
ABSOLUTE_TIMEOUT = timedelta(hours=2)

#: After this many wrong passwords or codes in a row, the account waits LOCKOUT.
MAX_FAILED_ATTEMPTS = 5
LOCKOUT = timedelta(minutes=15)


class SessionStage(StrEnum):
    #: Password accepted; the second factor is still due.
    PASSWORD = "password"  # noqa: S105 (a stage name)
    #: Password accepted; a second factor must be set up before anything else.
    ENROL = "enrol"
    FULL = "full"


def acts_as_coordinator(role: Role) -> bool:
    """Admins can do everything coordinators can."""
    return role in (Role.ADMIN, Role.COORDINATOR)


def password_problem(password: str, *, username: str = "") -> str | None:
    """Why a new password can't be used, or None. Length is what matters (NIST 800-63B)."""
    if len(password) < MIN_PASSWORD_CHARS:
        return "short"
    if len(password) > MAX_PASSWORD_CHARS:
        return "long"
    if username and username.lower() in password.lower():
        return "username"
    if len(set(password)) < 5:
        return "repetitive"
    return None
