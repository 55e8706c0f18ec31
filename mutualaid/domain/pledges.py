"""Organizations' pledges: weekly opening hours, when a pledge is live, and its HSDS 3.0 shape.

Plain Python, no I/O. The directory and the JSON export are built from the dataclasses
here, which carry only what may be published: never a confidential location, never notes.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from itertools import pairwise
from typing import Any

from mutualaid.domain.catalog import CONTACT_LANGUAGES, OfferKind, OfferStatus
from mutualaid.domain.errors import DomainError
from mutualaid.i18n import _l

#: Monday is 0, as in `date.weekday()`; RFC 5545 names the days like this.
BYDAY = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
ENGLISH_DAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
#: A drop-in might open twice a day (morning and evening); more is a sign of a typo.
MAX_SLOTS_PER_DAY = 3
HHMM = re.compile(r"^(?:[01][0-9]|2[0-3]):[0-5][0-9]$")
APPROVED = "approved"


class OrganizationNotApproved(DomainError):
    """Only an approved organization can pledge, edit a pledge, or put one back in service."""


class PledgeHasConditions(DomainError):
    """Every pledge states that it carries no conditions (privacy promise 7)."""


class PledgeNotFound(DomainError):
    """No pledge with that id belongs to this organization (another's looks exactly the same)."""


class HoursReason(StrEnum):
    DAY = "day"
    #: Not a time of day written as HH:MM (25:00, 9am, ...).
    TIME = "time"
    #: Only one of opening and closing time was given.
    INCOMPLETE = "incomplete"
    #: Closing is not after opening (overnight hours are two slots on two days).
    ORDER = "order"
    OVERLAP = "overlap"
    TOO_MANY = "too_many"


class HoursProblem(DomainError):
    """Weekly hours are days 0-6 with HH:MM times, opening before closing, a few slots a day."""

    def __init__(self, day: int | None, reason: HoursReason) -> None:
        super().__init__(f"day {day}: {reason}")
        self.day = day
        self.reason = reason


@dataclass(frozen=True, order=True)
class OpeningSlot:
    """One opening on a weekday, in local time: `day` 0 (Monday) to 6."""

    day: int
    opens: str
    closes: str

    def as_json(self) -> dict[str, str | int]:
        return {"day": self.day, "opens": self.opens, "closes": self.closes}


def _parse_day(value: object) -> int:
    if isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= 6:
        return value
    if isinstance(value, str) and value.strip() in {str(day) for day in range(7)}:
        return int(value)
    raise HoursProblem(None, HoursReason.DAY)


def validate_weekly_hours(entries: Iterable[Mapping[str, object]]) -> tuple[OpeningSlot, ...]:
    """Check raw entries ({"day", "opens", "closes"}); sorted slots, or HoursProblem."""
    slots: list[OpeningSlot] = []
    for entry in entries:
        day = _parse_day(entry.get("day"))
        raw_opens, raw_closes = entry.get("opens"), entry.get("closes")
        if not all(isinstance(v, str) or v is None for v in (raw_opens, raw_closes)):
            raise HoursProblem(day, HoursReason.TIME)
        opens, closes = str(raw_opens or "").strip(), str(raw_closes or "").strip()
        if any(value and not HHMM.match(value) for value in (opens, closes)):
            raise HoursProblem(day, HoursReason.TIME)
        if bool(opens) != bool(closes):
            raise HoursProblem(day, HoursReason.INCOMPLETE)
        if not opens:
            continue  # an empty row: closed that day
        if closes <= opens:
            raise HoursProblem(day, HoursReason.ORDER)
        slots.append(OpeningSlot(day, opens, closes))
    slots.sort()
    for day in range(7):
        todays = [slot for slot in slots if slot.day == day]
        if len(todays) > MAX_SLOTS_PER_DAY:
            raise HoursProblem(day, HoursReason.TOO_MANY)
        for earlier, later in pairwise(todays):
            if later.opens < earlier.closes:
                raise HoursProblem(day, HoursReason.OVERLAP)
    return tuple(slots)


def load_weekly_hours(stored: object) -> tuple[OpeningSlot, ...]:
    """Hours as stored (a JSON list); anything malformed reads as no hours, never an error."""
    if not isinstance(stored, list) or not all(isinstance(e, dict) for e in stored):
        return ()
    try:
        return validate_weekly_hours(stored)
    except HoursProblem:
        return ()


def hours_json(slots: Iterable[OpeningSlot]) -> list[dict[str, str | int]]:
    return [slot.as_json() for slot in sorted(slots)]


def format_hours(slots: Sequence[OpeningSlot], day_names: Sequence[str] = ENGLISH_DAYS) -> str:
    """Opening hours on one line: "Mon–Fri 10:00–14:00; Sat 10:00–12:00, 18:00–20:00"."""
    by_day = {
        day: ", ".join(f"{s.opens}–{s.closes}" for s in slots if s.day == day) for day in range(7)
    }
    parts: list[str] = []
    day = 0
    while day < 7:
        if not by_day[day]:
            day += 1
            continue
        last = day
        while last + 1 < 7 and by_day[last + 1] == by_day[day]:
            last += 1
        days = day_names[day] if last == day else f"{day_names[day]}–{day_names[last]}"
        if last == day + 1:
            days = f"{day_names[day]}, {day_names[last]}"
        parts.append(f"{days} {by_day[day]}")
        day = last + 1
    return "; ".join(parts)


def is_live(
    *,
    status: str,
    org_status: str | None,
    today: date,
    available_from: date,
    available_until: date | None,
    capacity_left: int,
) -> bool:
    """A pledge is live when it's active, its organization approved, in dates, with capacity."""
    return (
        status == OfferStatus.ACTIVE.value
        and org_status == APPROVED
        and available_from <= today
        and (available_until is None or available_until >= today)
        and capacity_left > 0
    )


@dataclass(frozen=True)
class PledgeDraft:
    """What an organization pledges, already checked by the form."""

    title: str
    public_description: str
    kind: OfferKind
    category: str
    areas: tuple[str, ...]
    capacity: int
    available_from: date
    available_until: date | None
    weekly_hours: tuple[OpeningSlot, ...]
    language: str
    no_conditions: bool
    listed: bool = False
    location_note: str | None = None
    location_public: bool = False
    notes: str | None = None


def remaining_after_resize(*, capacity: int, capacity_left: int, new_capacity: int) -> int:
    """What's left when the total changes: uses so far stay used, never below zero."""
    used = max(0, capacity - capacity_left)
    return max(0, new_capacity - used)


# --- The public directory and its Open Referral HSDS 3.0 shape --------------------------


@dataclass(frozen=True)
class DirectoryOrganization:
    id: uuid.UUID
    name: str
    description: str
    #: The front door: how anyone may reach them. Never a confidential address.
    public_contact: str
    languages: tuple[str, ...]


@dataclass(frozen=True)
class DirectoryArea:
    id: uuid.UUID
    slug: str
    name: str


@dataclass(frozen=True)
class DirectoryService:
    """One live, listed pledge as the public may see it."""

    id: uuid.UUID
    organization: DirectoryOrganization
    title: str
    description: str
    kind: OfferKind
    category_slug: str
    category_label: str
    areas: tuple[DirectoryArea, ...]
    hours: tuple[OpeningSlot, ...]
    available_from: date
    available_until: date | None
    #: Only when the organization marked the place public; None for every confidential one.
    public_location: str | None
    last_modified: datetime


#: Fixed namespace for ids derived from ours, so consumers see the same id on every export.
HSDS_NAMESPACE = uuid.UUID("6f0b6a9e-3f51-4f3c-9d0e-6d7a2f1b8c42")
CATEGORY_TAXONOMY = "mutualaid-categories"
#: Privacy promise 7, as HSDS's eligibility field: the pledge was made with no conditions.
NO_CONDITIONS = _l("Anyone. No ID and no conditions: nobody has to explain why.")
EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[A-Za-z]{2,}$")
WEBSITE = re.compile(r"^https?://[^\s/]+\.[^\s]+$")
PHONE = re.compile(r"^\+?[0-9][0-9 ().-]{5,}[0-9]$")


def language_codes(languages: str) -> tuple[str, ...]:
    """Organization.languages ("en,es") as known codes, in order, without repeats."""
    seen: list[str] = []
    for part in languages.split(","):
        code = part.strip().lower()
        if code in CONTACT_LANGUAGES and code not in seen:
            seen.append(code)
    return tuple(seen)


def _derived(parent: uuid.UUID, name: str) -> str:
    return str(uuid.uuid5(parent, name))


def _front_door(contact: str) -> dict[str, Any]:
    """Structured HSDS contact fields when the public contact is plainly one of them."""
    text = contact.strip()
    if EMAIL.match(text):
        return {"email": text}
    if WEBSITE.match(text):
        return {"website": text}
    return {}


def hsds_organization(org: DirectoryOrganization) -> dict[str, Any]:
    record: dict[str, Any] = {
        "id": str(org.id),
        "name": org.name,
        "description": org.description,
        **_front_door(org.public_contact),
    }
    if PHONE.match(org.public_contact.strip()):
        record["phones"] = [
            {
                "id": _derived(org.id, "phone"),
                "organization_id": str(org.id),
                "number": org.public_contact.strip(),
            }
        ]
    return record


def hsds_schedules(service: DirectoryService) -> list[dict[str, Any]]:
    """RFC 5545 style: one WEEKLY rule per distinct opening time, days in `byday`."""
    sid = str(service.id)
    dates: dict[str, Any] = {"valid_from": service.available_from.isoformat()}
    if service.available_until is not None:
        dates["valid_to"] = service.available_until.isoformat()
    if not service.hours:
        return [{"id": _derived(service.id, "schedule"), "service_id": sid, **dates}]
    grouped: dict[tuple[str, str], list[int]] = {}
    for slot in sorted(service.hours):
        grouped.setdefault((slot.opens, slot.closes), []).append(slot.day)
    return [
        {
            "id": _derived(service.id, f"schedule:{opens}-{closes}"),
            "service_id": sid,
            "freq": "WEEKLY",
            "interval": 1,
            "wkst": "MO",
            "byday": ",".join(BYDAY[day] for day in days),
            "opens_at": opens,
            "closes_at": closes,
            **dates,
        }
        for (opens, closes), days in sorted(grouped.items(), key=lambda item: item[1][0])
    ]


def hsds_service(service: DirectoryService) -> dict[str, Any]:
    """One service, fully nested (organization, schedules, areas, languages, category)."""
    sid = str(service.id)
    org = service.organization
    term_id = str(uuid.uuid5(HSDS_NAMESPACE, f"category:{service.category_slug}"))
    record: dict[str, Any] = {
        "id": sid,
        "organization_id": str(org.id),
        "name": service.title or service.category_label,
        "description": service.description,
        "status": "active",
        "eligibility_description": str(NO_CONDITIONS),
        "application_process": org.public_contact,
        "last_modified": service.last_modified.isoformat(),
        "organization": hsds_organization(org),
        "schedules": hsds_schedules(service),
        "service_areas": [
            {
                "id": _derived(service.id, f"area:{area.id}"),
                "service_id": sid,
                "name": area.name,
                "extent_type": "neighbourhood",
            }
            for area in service.areas
        ],
        "languages": [
            {
                "id": _derived(service.id, f"language:{code}"),
                "service_id": sid,
                "name": str(CONTACT_LANGUAGES[code]),
                "code": code,
            }
            for code in org.languages
            # "Another language" names none, so it can't be listed as one.
            if code != "other"
        ],
        "attributes": [
            {
                "id": _derived(service.id, "category"),
                "link_id": sid,
                "link_type": "category",
                "link_entity": "service",
                "taxonomy_term_id": term_id,
                "taxonomy_term": {
                    "id": term_id,
                    "code": service.category_slug,
                    "name": service.category_label,
                    "description": service.category_label,
                    "taxonomy": CATEGORY_TAXONOMY,
                },
            }
        ],
    }
    if service.public_location:
        location_id = _derived(service.id, "location")
        record["service_at_locations"] = [
            {
                "id": _derived(service.id, "service_at_location"),
                "service_id": sid,
                "location_id": location_id,
                "location": {
                    "id": location_id,
                    "location_type": "physical",
                    "name": service.public_location,
                    "description": service.public_location,
                },
            }
        ]
    return record


def hsds_page(services: Sequence[DirectoryService]) -> dict[str, Any]:
    """The HSDS API's paginated list, in one page: everything listed fits comfortably."""
    return {
        "total_items": len(services),
        "total_pages": 1,
        "page_number": 1,
        "size": len(services),
        "first_page": True,
        "last_page": True,
        "empty": not services,
        "contents": [hsds_service(service) for service in services],
    }
