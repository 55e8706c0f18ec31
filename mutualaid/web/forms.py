"""Form models: pydantic checks every field, and each failure gets one plain, kind sentence."""

from __future__ import annotations

import unicodedata
from datetime import date, timedelta
from typing import Annotated, Any, TypeVar

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StringConstraints,
    ValidationError,
    ValidationInfo,
    field_validator,
)
from starlette.datastructures import FormData

from mutualaid.domain.catalog import CONTACT_LANGUAGES, OfferDraft, OfferKind
from mutualaid.domain.clock import today
from mutualaid.domain.codenames import MAX_CODENAME_CHARS
from mutualaid.domain.needs import NeedDraft, Urgency
from mutualaid.i18n import _l

ALLOWED_CONTROL = {"\n", "\r", "\t"}
MAX_DAYS_AHEAD = 365


def _clean_text(value: Any) -> Any:
    """Normalize text; refuse invisible control characters (NUL, escapes, and the like)."""
    if not isinstance(value, str):
        return value
    value = unicodedata.normalize("NFC", value).replace("\r\n", "\n").strip()
    if any(unicodedata.category(ch) in ("Cc", "Cs") and ch not in ALLOWED_CONTROL for ch in value):
        raise ValueError("control characters")
    return value


def _empty_to_none(value: Any) -> Any:
    value = _clean_text(value)
    return None if value == "" else value


Text = Annotated[str, BeforeValidator(_clean_text)]


#: Optional free text: empty means "not given"; otherwise capped at a length.
Contact = Annotated[
    Annotated[str, StringConstraints(max_length=200)] | None, BeforeValidator(_empty_to_none)
]
PreferredName = Annotated[
    Annotated[str, StringConstraints(max_length=60)] | None, BeforeValidator(_empty_to_none)
]
Pronouns = Annotated[
    Annotated[str, StringConstraints(max_length=40)] | None, BeforeValidator(_empty_to_none)
]
Notes = Annotated[
    Annotated[str, StringConstraints(max_length=500)] | None, BeforeValidator(_empty_to_none)
]
Slug = Annotated[str, StringConstraints(pattern=r"^[a-z0-9-]{1,60}$")]
OptionalDate = Annotated[date | None, BeforeValidator(_empty_to_none)]
# The language to answer in is optional (privacy promise 1): left out, it is English.
Language = Annotated[
    str,
    BeforeValidator(lambda value: value or "en"),
    Field(pattern="^(" + "|".join(CONTACT_LANGUAGES) + ")$"),
]


class NeedForm(BaseModel):
    model_config = ConfigDict(extra="ignore", frozen=True)

    category: Slug
    area: Slug
    urgency: Urgency
    window_start: OptionalDate = None
    window_end: OptionalDate = None
    description: Annotated[Text, Field(min_length=2, max_length=1000)]
    contact: Contact = None
    preferred_name: PreferredName = None
    pronouns: Pronouns = None
    language: Language = "en"

    @field_validator("window_start")
    @classmethod
    def _start_when_window(cls, value: date | None, info: ValidationInfo) -> date | None:
        if info.data.get("urgency") is not Urgency.WINDOW:
            return None
        if value is None or value < today() or value > today() + timedelta(MAX_DAYS_AHEAD):
            raise ValueError("window start")
        return value

    @field_validator("window_end")
    @classmethod
    def _end_after_start(cls, value: date | None, info: ValidationInfo) -> date | None:
        if info.data.get("urgency") is not Urgency.WINDOW:
            return None
        start = info.data.get("window_start")
        if value is None or (start is not None and value < start):
            raise ValueError("window end")
        if value > today() + timedelta(MAX_DAYS_AHEAD):
            raise ValueError("window end")
        return value

    def draft(self) -> NeedDraft:
        return NeedDraft(**self.model_dump())


class OfferForm(BaseModel):
    model_config = ConfigDict(extra="ignore", frozen=True)

    kind: OfferKind
    category: Slug
    areas: Annotated[tuple[Slug, ...], Field(min_length=1, max_length=30)]
    capacity: Annotated[int, Field(ge=1, le=500)]
    available_from: OptionalDate = None
    available_until: OptionalDate = None
    notes: Notes = None
    language: Language = "en"

    @field_validator("available_from")
    @classmethod
    def _from_today(cls, value: date | None) -> date:
        if value is None:
            return today()
        if value < today() or value > today() + timedelta(MAX_DAYS_AHEAD):
            raise ValueError("available from")
        return value

    @field_validator("available_until")
    @classmethod
    def _until_after_from(cls, value: date | None, info: ValidationInfo) -> date | None:
        start = info.data.get("available_from")
        if value is not None and (
            (start is not None and value < start) or value > today() + timedelta(2 * MAX_DAYS_AHEAD)
        ):
            raise ValueError("available until")
        return value

    def draft(self) -> OfferDraft:
        return OfferDraft(**self.model_dump())


class CodenameForm(BaseModel):
    model_config = ConfigDict(extra="ignore", frozen=True)

    codename: Annotated[Text, Field(min_length=1, max_length=MAX_CODENAME_CHARS)]


class MessageForm(CodenameForm):
    body: Annotated[Text, Field(min_length=1, max_length=2000)]


#: One message per field, whatever pydantic found: short, plain, and saying what to do.
FIELD_MESSAGES: dict[str, str] = {
    "category": _l("Choose what kind of help this is."),
    "area": _l("Choose the area closest to you. It can be a rough guess."),
    "areas": _l("Choose at least one area where you can help."),
    "urgency": _l("Tell us when you need it."),
    "window_start": _l("Choose a first day from today on, within the next year."),
    "window_end": _l("Choose a last day on or after the first day, within the next year."),
    "description": _l(
        "Tell us in a few words what you need, in up to 1,000 characters, "
        "with no unusual invisible characters."
    ),
    "contact": _l("Keep the contact details under 200 characters, or leave them out."),
    "preferred_name": _l("Keep the name under 60 characters, or leave it out."),
    "pronouns": _l("Keep pronouns under 40 characters, or leave them out."),
    "language": _l("Choose a language from the list."),
    "kind": _l("Choose what kind of help you can offer."),
    "capacity": _l("Enter a whole number from 1 to 500."),
    "available_from": _l("Choose a first day from today on, within the next year."),
    "available_until": _l("Choose a last day on or after the first day, or leave it empty."),
    "notes": _l("Keep the details under 500 characters."),
    "codename": _l("Type the seven words of your codename, with spaces between them."),
    "body": _l("Write a message of up to 2,000 characters."),
}

FormT = TypeVar("FormT", bound=BaseModel)
MULTI_VALUE_FIELDS = {"areas"}


def raw_values(form: FormData, model: type[BaseModel]) -> dict[str, Any]:
    """The submitted values, as typed, for re-rendering a form without losing anything."""
    values: dict[str, Any] = {}
    for name in model.model_fields:
        if name in MULTI_VALUE_FIELDS:
            values[name] = [str(v) for v in form.getlist(name)]
        else:
            value = form.get(name)
            values[name] = value if isinstance(value, str) else ""
    return values


def validate(
    model: type[FormT],
    values: dict[str, Any],
    messages: dict[str, str] | None = None,
    context: dict[str, Any] | None = None,
) -> tuple[FormT | None, dict[str, str]]:
    """Check values; on failure return a plain message for each field that needs attention.

    `messages` adds or overrides per-field messages for forms outside this module;
    `context` reaches the model's validators (the currency's decimals, for money forms).
    """
    known = FIELD_MESSAGES if messages is None else {**FIELD_MESSAGES, **messages}
    try:
        return model.model_validate(values, context=context), {}
    except ValidationError as error:
        errors: dict[str, str] = {}
        for problem in error.errors(include_input=False):
            name = str(problem["loc"][0]) if problem["loc"] else "form"
            errors.setdefault(name, str(known.get(name, _l("Check this field."))))
        return None, errors
