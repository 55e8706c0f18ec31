"""Forms for staff sign-in and accounts."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from mutualaid.domain.staff import MAX_PASSWORD_CHARS
from mutualaid.i18n import _l
from mutualaid.web.forms import Text

Username = Annotated[Text, StringConstraints(pattern=r"^[A-Za-z0-9._-]{3,60}$")]
Password = Annotated[str, Field(min_length=1, max_length=MAX_PASSWORD_CHARS)]


class LoginForm(BaseModel):
    model_config = ConfigDict(extra="ignore", frozen=True)

    username: Annotated[Text, Field(min_length=1, max_length=60)]
    password: Password


class CodeForm(BaseModel):
    model_config = ConfigDict(extra="ignore", frozen=True)

    code: Annotated[str, StringConstraints(strip_whitespace=True, pattern=r"^[0-9 ]{6,8}$")]


class PasswordForm(BaseModel):
    model_config = ConfigDict(extra="ignore", frozen=True)

    current: Password
    new: Password
    confirm: Password


class NewAccountForm(BaseModel):
    model_config = ConfigDict(extra="ignore", frozen=True)

    username: Username
    role: Literal["coordinator", "admin"]


STAFF_FIELD_MESSAGES: dict[str, str] = {
    "username": _l("Use 3 to 60 letters, digits, dots, dashes or underscores."),
    "password": _l("Enter your password."),
    "code": _l("Enter the six digits your authenticator app shows."),
    "current": _l("Enter your current password."),
    "new": _l("Choose a new password of at least 15 characters."),
    "confirm": _l("Type the new password again."),
    "role": _l("Choose a role."),
}

PASSWORD_PROBLEMS: dict[str, str] = {
    "short": _l("Use at least 15 characters. A few random words work well."),
    "long": _l("Use at most 256 characters."),
    "username": _l("Don't put your username in your password."),
    "repetitive": _l("Use more different characters."),
}
