"""Forms for organizations: the application with its worksheet, and joining by a link."""

from __future__ import annotations

from typing import Annotated, Any, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator
from starlette.datastructures import FormData

from mutualaid.domain.organizations import (
    WORKSHEET_QUESTIONS,
    Answer,
    Credit,
    OrganizationDraft,
)
from mutualaid.domain.staff import password_problem
from mutualaid.i18n import _l
from mutualaid.services.staff import normalize_username
from mutualaid.web.forms import Language, Slug, Text
from mutualaid.web.staff_forms import PASSWORD_PROBLEMS, Password, Username

OptionalText = Annotated[Text, Field(max_length=2000)]


class AccountFields(BaseModel):
    """A new organization member's sign-in: the password rules themselves live in the service."""

    model_config = ConfigDict(extra="ignore", frozen=True)

    username: Username
    password: Password
    confirm: Password

    @model_validator(mode="after")
    def _confirm_matches(self) -> AccountFields:
        if self.password != self.confirm:
            raise ValueError("confirm")
        return self


class ApplyForm(AccountFields):
    name: Annotated[Text, Field(min_length=2, max_length=120)]
    description: Annotated[Text, Field(min_length=10, max_length=2000)]
    areas: Annotated[tuple[Slug, ...], Field(min_length=1, max_length=30)]
    languages: Annotated[tuple[Language, ...], Field(min_length=1, max_length=12)]
    public_contact: Annotated[Text, Field(min_length=3, max_length=200)]
    credit: Credit
    # One field per worksheet question; a test checks they match WORKSHEET_QUESTIONS.
    restricts_sex_trades: Answer
    police_or_courts: Answer
    endangering_reports: Answer
    conflates_trafficking: Answer
    end_demand: Answer
    required_activities: Answer
    proof_of_trafficking: Answer
    worksheet_notes: OptionalText = ""
    no_strings_commitment: Literal["yes"]

    def draft(self) -> OrganizationDraft:
        return OrganizationDraft(
            name=self.name,
            description=self.description,
            public_contact=self.public_contact,
            areas=self.areas,
            languages=tuple(dict.fromkeys(self.languages)),
            credit=self.credit,
            worksheet={key: getattr(self, key) for key in WORKSHEET_QUESTIONS},
            worksheet_notes=self.worksheet_notes,
            no_strings_commitment=self.no_strings_commitment == "yes",
        )


class JoinForm(AccountFields):
    pass


WORKSHEET_MESSAGE = _l("Choose no, yes or not sure.")

#: One message per field: short, plain, and saying what to do.
ORGANIZATION_FIELD_MESSAGES: dict[str, str] = {
    "name": _l("Enter your organization's name, up to 120 characters."),
    "description": _l(
        "Tell people what you offer in 10 to 2,000 characters, "
        "with no unusual invisible characters."
    ),
    "areas": _l("Choose at least one area you serve."),
    "languages": _l("Choose at least one language you can help people in."),
    "public_contact": _l(
        "Enter a public way to reach you (3 to 200 characters), such as an email or phone line."
    ),
    "credit": _l("Choose how reports may mention you."),
    **{key: WORKSHEET_MESSAGE for key in WORKSHEET_QUESTIONS},
    "worksheet_notes": _l("Keep the notes under 2,000 characters."),
    "no_strings_commitment": _l("To join, please confirm that your help comes with no conditions."),
    "username": _l("Use 3 to 60 letters, digits, dots, dashes or underscores."),
    "password": _l("Choose a password of at least 15 characters."),
    "confirm": _l("Type the same password again."),
    "taken": _l("That username is taken. Please choose another."),
    "invite": _l(
        "This invitation link has expired or was already used. You can still apply without "
        "it: send the form again."
    ),
}

#: The service's reasons a password can't be used (shared with staff accounts).
PASSWORD_MESSAGES = PASSWORD_PROBLEMS

MULTI_VALUE_FIELDS = {"areas", "languages"}
#: Never sent back to the browser, even when the form is shown again.
SECRET_FIELDS = {"password", "confirm"}

FormT = TypeVar("FormT", bound=BaseModel)


def raw_values(form: FormData, model: type[BaseModel]) -> dict[str, Any]:
    """The submitted values as typed, to show the form again without losing anything."""
    values: dict[str, Any] = {}
    for name in model.model_fields:
        if name in MULTI_VALUE_FIELDS:
            values[name] = [str(v) for v in form.getlist(name)]
        else:
            value = form.get(name)
            values[name] = value if isinstance(value, str) else ""
    return values


def kept_values(values: dict[str, Any]) -> dict[str, Any]:
    """What may be shown again: everything but the passwords."""
    return {name: "" if name in SECRET_FIELDS else value for name, value in values.items()}


def validate(model: type[FormT], values: dict[str, Any]) -> tuple[FormT | None, dict[str, str]]:
    """Check values; on failure, one plain message for each field that needs attention."""
    parsed: FormT | None = None
    errors: dict[str, str] = {}
    try:
        parsed = model.model_validate(values)
    except ValidationError as error:
        for problem in error.errors(include_input=False):
            name = str(problem["loc"][0]) if problem["loc"] else "confirm"
            errors.setdefault(
                name, str(ORGANIZATION_FIELD_MESSAGES.get(name, _l("Check this field.")))
            )
    if issubclass(model, AccountFields):
        _check_password(values, errors)
    return (parsed if not errors else None), errors


def _check_password(values: dict[str, Any], errors: dict[str, str]) -> None:
    """Say everything about the password at once, not only after the rest is right."""
    password = str(values.get("password", ""))
    if "password" not in errors and password:
        username = normalize_username(str(values.get("username", "")))
        problem = password_problem(password, username=username)
        if problem:
            errors["password"] = str(PASSWORD_MESSAGES[problem])
    if "password" not in errors and password != values.get("confirm"):
        errors.setdefault("confirm", str(ORGANIZATION_FIELD_MESSAGES["confirm"]))
