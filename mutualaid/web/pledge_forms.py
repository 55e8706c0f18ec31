"""Forms for organizations' pledges and for filtering the directory.

Weekly hours come as plain time inputs, seven day rows with two optional slots each, so the
form works without JavaScript; each day that needs attention gets its own message.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Annotated, Any, Literal

from babel.dates import get_day_names
from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StringConstraints,
    ValidationInfo,
    field_validator,
)
from starlette.datastructures import FormData, QueryParams

from mutualaid.domain.catalog import OfferKind
from mutualaid.domain.clock import today
from mutualaid.domain.pledges import (
    HoursProblem,
    HoursReason,
    OpeningSlot,
    PledgeDraft,
    format_hours,
    validate_weekly_hours,
)
from mutualaid.i18n import _l, current_language
from mutualaid.web.forms import (
    MAX_DAYS_AHEAD,
    Language,
    Notes,
    OptionalDate,
    Slug,
    Text,
    _empty_to_none,
    raw_values,
)

MAX_CAPACITY = 10_000
#: A pledge's first day may lie this far back (an edit keeps it); further is a typo.
MAX_DAYS_BACK = 10 * 366
#: Time inputs shown per day; the domain allows a few more, the form keeps it simple.
SLOTS_PER_DAY = 2
DAYS = range(7)
TICKED = {"yes", "on", "true", "1"}


def _checkbox(value: Any) -> bool:
    """A ticked box sends its value; an unticked one sends nothing at all."""
    if value is None or value == "" or value is False:
        return False
    if value is True or (isinstance(value, str) and value.strip().lower() in TICKED):
        return True
    raise ValueError("checkbox")


Checkbox = Annotated[bool, BeforeValidator(_checkbox)]
LocationNote = Annotated[
    Annotated[str, StringConstraints(max_length=200)] | None, BeforeValidator(_empty_to_none)
]
OptionalSlug = Annotated[Slug | None, BeforeValidator(_empty_to_none)]
OptionalLanguage = Annotated[Language | None, BeforeValidator(_empty_to_none)]


class PledgeForm(BaseModel):
    model_config = ConfigDict(extra="ignore", frozen=True)

    title: Annotated[Text, Field(min_length=2, max_length=120)]
    public_description: Annotated[Text, Field(max_length=2000)] = ""
    kind: OfferKind
    category: Slug
    areas: Annotated[tuple[Slug, ...], Field(min_length=1, max_length=30)]
    capacity: Annotated[int, Field(ge=1, le=MAX_CAPACITY)]
    available_from: OptionalDate = None
    available_until: OptionalDate = None
    location_note: LocationNote = None
    location_public: Checkbox = False
    listed: Checkbox = False
    notes: Notes = None
    language: Language = "en"
    no_conditions: Checkbox = False

    @field_validator("available_from")
    @classmethod
    def _from_within_a_year(cls, value: date | None) -> date:
        # Editing a pledge that started long ago keeps its first day, so the past is fine.
        if value is None:
            return today()
        if not -MAX_DAYS_BACK <= (value - today()).days <= MAX_DAYS_AHEAD:
            raise ValueError("available from")
        return value

    @field_validator("available_until")
    @classmethod
    def _until_after_from(cls, value: date | None, info: ValidationInfo) -> date | None:
        start = info.data.get("available_from")
        if value is not None and (
            value < today()
            or (start is not None and value < start)
            or value > today() + timedelta(2 * MAX_DAYS_AHEAD)
        ):
            raise ValueError("available until")
        return value

    @field_validator("no_conditions")
    @classmethod
    def _stated(cls, value: bool) -> bool:
        if not value:
            raise ValueError("no conditions")
        return value

    def draft(self, hours: tuple[OpeningSlot, ...]) -> PledgeDraft:
        values = self.model_dump()
        values["available_from"] = values["available_from"] or today()
        return PledgeDraft(**values, weekly_hours=hours)


PLEDGE_FIELD_MESSAGES: dict[str, str] = {
    "title": _l("Give the pledge a short name, from 2 to 120 characters."),
    "public_description": _l("Keep the public description under 2,000 characters."),
    "kind": _l("Choose what kind of help this is."),
    "category": _l("Choose what kind of need it meets."),
    "areas": _l("Choose at least one area you serve."),
    "capacity": _l("Enter a whole number from 1 to 10,000."),
    "available_from": _l("Choose a first day up to a year from today, or leave it empty."),
    "available_until": _l(
        "Choose a last day from today on, on or after the first day, or leave it empty."
    ),
    "location_note": _l("Keep the location under 200 characters, or leave it out."),
    "location_public": _l("Tick the box, or leave it empty."),
    "listed": _l("Tick the box, or leave it empty."),
    "notes": _l("Keep the notes under 500 characters."),
    "language": _l("Choose a language from the list."),
    "no_conditions": _l(
        "Every pledge carries no conditions. Tick the box to confirm that yours doesn't."
    ),
}

HOURS_MESSAGES: dict[HoursReason, str] = {
    HoursReason.DAY: _l("%(day)s: check the opening hours."),
    HoursReason.TIME: _l("%(day)s: write times as hours and minutes, from 00:00 to 23:59."),
    HoursReason.INCOMPLETE: _l("%(day)s: give both an opening and a closing time, or neither."),
    HoursReason.ORDER: _l(
        "%(day)s: the closing time must be after the opening time. For hours past "
        "midnight, add the rest to the next day."
    ),
    HoursReason.OVERLAP: _l("%(day)s: the two openings overlap. Make them one, or separate them."),
    HoursReason.TOO_MANY: _l("%(day)s: at most a few openings a day."),
}


def hours_field(day: int, slot: int, edge: str) -> str:
    return f"hours_{day}_{slot}_{edge}"


HOURS_FIELDS = tuple(
    hours_field(day, slot, edge)
    for day in DAYS
    for slot in range(SLOTS_PER_DAY)
    for edge in ("opens", "closes")
)


def day_names(width: Literal["wide", "abbreviated"] = "wide") -> list[str]:
    """Weekday names in the page's language, Monday first."""
    names = get_day_names(width, locale=current_language())
    return [str(names[day]) for day in DAYS]


def hours_line(hours: tuple[OpeningSlot, ...]) -> str:
    """Opening hours on one line, with the page's own short day names."""
    return format_hours(hours, day_names("abbreviated"))


def pledge_raw_values(form: FormData) -> dict[str, Any]:
    """Everything as typed, hours included, to re-show the form without losing anything."""
    values = raw_values(form, PledgeForm)
    for name in HOURS_FIELDS:
        value = form.get(name)
        values[name] = value if isinstance(value, str) else ""
    return values


def _time(value: str) -> str:
    # Some browsers send seconds from a time input; whole minutes are all we keep.
    value = value.strip()
    return value[:5] if len(value) == 8 and value.endswith(":00") else value


def parse_hours(values: dict[str, Any]) -> tuple[tuple[OpeningSlot, ...], dict[str, str]]:
    """The weekly hours from the day rows; a message for each day that needs attention."""
    slots: list[OpeningSlot] = []
    errors: dict[str, str] = {}
    names = day_names()
    for day in DAYS:
        entries = [
            {
                "day": day,
                "opens": _time(str(values.get(hours_field(day, slot, "opens"), ""))),
                "closes": _time(str(values.get(hours_field(day, slot, "closes"), ""))),
            }
            for slot in range(SLOTS_PER_DAY)
        ]
        try:
            slots.extend(validate_weekly_hours(entries))
        except HoursProblem as problem:
            errors[f"hours_{day}"] = str(HOURS_MESSAGES[problem.reason]) % {"day": names[day]}
    return tuple(sorted(slots)), errors


def hours_values(slots: tuple[OpeningSlot, ...]) -> dict[str, str]:
    """A pledge's stored hours as the day rows show them."""
    values = dict.fromkeys(HOURS_FIELDS, "")
    for day in DAYS:
        for slot, opening in enumerate(s for s in slots if s.day == day):
            if slot < SLOTS_PER_DAY:
                values[hours_field(day, slot, "opens")] = opening.opens
                values[hours_field(day, slot, "closes")] = opening.closes
    return values


class DirectoryFilterForm(BaseModel):
    model_config = ConfigDict(extra="ignore", frozen=True)

    category: OptionalSlug = None
    area: OptionalSlug = None
    language: OptionalLanguage = None


class OfferFilterForm(DirectoryFilterForm):
    source: Annotated[
        Literal["community", "organization"] | None, BeforeValidator(_empty_to_none)
    ] = None


FILTER_MESSAGES: dict[str, str] = {
    "category": _l("Choose a kind of help from the list."),
    "area": _l("Choose an area from the list."),
    "language": _l("Choose a language from the list."),
    "source": _l("Choose who the offers are from."),
}


def filter_values(params: QueryParams, model: type[BaseModel]) -> dict[str, str]:
    """Query parameters as typed, one value each, for filters and for re-showing them."""
    return {name: str(params.get(name, "")) for name in model.model_fields}
