"""Forms for coordinators' tools (areas, categories) and organizations' notification address."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, StringConstraints
from starlette.datastructures import FormData

from mutualaid.i18n import _l
from mutualaid.web.forms import Slug, Text


def _blank_is_none(value: Any) -> Any:
    """Empty (or only spaces) means "not given"; the patterns below refuse anything odd."""
    if isinstance(value, str):
        value = value.strip()
    return None if value == "" else value


#: An optional short name: empty means "make one from the name".
OptionalSlug = Annotated[
    Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$", max_length=60)] | None,
    BeforeValidator(_blank_is_none),
]
#: One plain address, ASCII only (no display name, no list, no line breaks).
EMAIL_PATTERN = (
    r"^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}"
    r"@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
    r"(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$"
)
OptionalEmail = Annotated[
    Annotated[str, StringConstraints(pattern=EMAIL_PATTERN, max_length=200)] | None,
    BeforeValidator(_blank_is_none),
]


class AreaForm(BaseModel):
    """Changing an area: its short name is fixed once made (counters and forms use it)."""

    model_config = ConfigDict(extra="ignore", frozen=True)

    name: Annotated[Text, Field(min_length=1, max_length=120)]
    group: Annotated[Text, Field(min_length=1, max_length=60)]
    neighbours: Annotated[tuple[Slug, ...], Field(max_length=90)] = ()


class NewAreaForm(AreaForm):
    slug: OptionalSlug = None


class CategoryNameForm(BaseModel):
    model_config = ConfigDict(extra="ignore", frozen=True)

    name: Annotated[Text, Field(min_length=1, max_length=120)]


class NewCategoryForm(CategoryNameForm):
    slug: OptionalSlug = None


class NotificationForm(BaseModel):
    model_config = ConfigDict(extra="ignore", frozen=True)

    notification_email: OptionalEmail = None
    action: Literal["save", "clear"] = "save"


TOOLS_FIELD_MESSAGES: dict[str, str] = {
    "name": _l("Enter a name people will recognise, up to 120 characters."),
    "group": _l(
        "Enter the coarse group reports count this area in, up to 60 characters "
        "(for example “Central”)."
    ),
    "neighbours": _l("Choose neighbours from the list of areas."),
    "slug": _l(
        "Use up to 60 lowercase letters, digits and single dashes (like “old-town”), "
        "or leave it empty to make one from the name."
    ),
    "slug_needed": _l(
        "We couldn't make a short name from that name. Please type one: lowercase letters, "
        "digits and dashes."
    ),
    "slug_taken": _l("That short name is already used. Please choose another."),
    "notification_email": _l(
        "Enter one email address, like alerts@example.org. To stop emails, choose "
        "“Stop emails” instead."
    ),
    "action": _l("Choose save or stop."),
}

MULTI_VALUE_FIELDS = {"neighbours"}


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
