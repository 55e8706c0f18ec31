"""The pure rules: weekly hours, when a pledge is live, capacity on resize, the HSDS shape."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime, timedelta

import pytest

from mutualaid.domain.catalog import OfferKind
from mutualaid.domain.pledges import (
    DirectoryArea,
    DirectoryOrganization,
    DirectoryService,
    HoursProblem,
    HoursReason,
    OpeningSlot,
    format_hours,
    hsds_page,
    hsds_service,
    is_live,
    language_codes,
    load_weekly_hours,
    remaining_after_resize,
    validate_weekly_hours,
)

TODAY = date(2031, 5, 17)


def test_weekly_hours_are_checked_and_sorted() -> None:
    slots = validate_weekly_hours(
        [
            {"day": 2, "opens": "18:00", "closes": "20:00"},
            {"day": 0, "opens": "09:30", "closes": "12:00"},
            {"day": "2", "opens": "10:00", "closes": "12:00"},
            {"day": 4, "opens": "", "closes": ""},
        ]
    )
    assert slots == (
        OpeningSlot(0, "09:30", "12:00"),
        OpeningSlot(2, "10:00", "12:00"),
        OpeningSlot(2, "18:00", "20:00"),
    )
    assert slots[0].as_json() == {"day": 0, "opens": "09:30", "closes": "12:00"}


@pytest.mark.parametrize(
    ("entry", "reason"),
    [
        ({"day": 7, "opens": "10:00", "closes": "11:00"}, HoursReason.DAY),
        ({"day": -1, "opens": "10:00", "closes": "11:00"}, HoursReason.DAY),
        ({"day": True, "opens": "10:00", "closes": "11:00"}, HoursReason.DAY),
        ({"day": "monday", "opens": "10:00", "closes": "11:00"}, HoursReason.DAY),
        ({"day": 1, "opens": "25:00", "closes": "26:00"}, HoursReason.TIME),
        ({"day": 1, "opens": "24:00", "closes": "23:00"}, HoursReason.TIME),
        ({"day": 1, "opens": "9:00", "closes": "11:00"}, HoursReason.TIME),
        ({"day": 1, "opens": "09:60", "closes": "11:00"}, HoursReason.TIME),
        ({"day": 1, "opens": "9am", "closes": "5pm"}, HoursReason.TIME),
        ({"day": 1, "opens": 900, "closes": "11:00"}, HoursReason.TIME),
        ({"day": 1, "opens": "10:00", "closes": ""}, HoursReason.INCOMPLETE),
        ({"day": 1, "opens": "", "closes": "10:00"}, HoursReason.INCOMPLETE),
        ({"day": 1, "opens": "14:00", "closes": "10:00"}, HoursReason.ORDER),
        ({"day": 1, "opens": "10:00", "closes": "10:00"}, HoursReason.ORDER),
        ({"day": 1, "opens": "22:00", "closes": "02:00"}, HoursReason.ORDER),
    ],
)
def test_bad_hours_are_refused_with_the_day_and_the_reason(
    entry: dict[str, object], reason: HoursReason
) -> None:
    with pytest.raises(HoursProblem) as problem:
        validate_weekly_hours([entry])
    assert problem.value.reason is reason


def test_overlapping_and_too_many_slots_are_refused() -> None:
    with pytest.raises(HoursProblem) as overlap:
        validate_weekly_hours(
            [
                {"day": 3, "opens": "09:00", "closes": "13:00"},
                {"day": 3, "opens": "12:00", "closes": "15:00"},
            ]
        )
    assert (overlap.value.day, overlap.value.reason) == (3, HoursReason.OVERLAP)
    many = [{"day": 5, "opens": f"{h:02d}:00", "closes": f"{h:02d}:30"} for h in range(8, 12)]
    with pytest.raises(HoursProblem) as too_many:
        validate_weekly_hours(many)
    assert too_many.value.reason is HoursReason.TOO_MANY
    # Touching slots are fine: closed at noon, open again at noon.
    touching = [
        {"day": 5, "opens": "08:00", "closes": "12:00"},
        {"day": 5, "opens": "12:00", "closes": "13:00"},
    ]
    assert len(validate_weekly_hours(touching)) == 2


def test_stored_hours_that_are_malformed_read_as_none() -> None:
    for stored in (None, "10-14", [1, 2], [{"day": 9, "opens": "x", "closes": "y"}], {"a": 1}):
        assert load_weekly_hours(stored) == ()
    assert load_weekly_hours([{"day": 1, "opens": "10:00", "closes": "11:00"}]) == (
        OpeningSlot(1, "10:00", "11:00"),
    )


def test_opening_hours_on_one_line() -> None:
    weekdays = [OpeningSlot(day, "10:00", "14:00") for day in range(5)]
    saturday = [OpeningSlot(5, "10:00", "12:00"), OpeningSlot(5, "18:00", "20:00")]
    assert format_hours(weekdays + saturday) == (
        "Mon–Fri 10:00–14:00; Sat 10:00–12:00, 18:00–20:00"
    )
    assert format_hours([OpeningSlot(0, "09:00", "10:00"), OpeningSlot(1, "09:00", "10:00")]) == (
        "Mon, Tue 09:00–10:00"
    )
    assert format_hours([OpeningSlot(6, "09:00", "10:00")]) == "Sun 09:00–10:00"
    assert format_hours([]) == ""
    names = ("lu", "ma", "mi", "ju", "vi", "sá", "do")
    assert format_hours([OpeningSlot(2, "08:00", "09:00")], names) == "mi 08:00–09:00"


@pytest.mark.parametrize(
    ("changes", "live"),
    [
        ({}, True),
        ({"status": "paused"}, False),
        ({"status": "ended"}, False),
        ({"org_status": "pending"}, False),
        ({"org_status": "suspended"}, False),
        ({"org_status": None}, False),
        ({"available_from": TODAY + timedelta(days=1)}, False),
        ({"available_until": TODAY - timedelta(days=1)}, False),
        ({"available_until": TODAY}, True),
        ({"available_until": None}, True),
        ({"capacity_left": 0}, False),
    ],
)
def test_is_live(changes: dict[str, object], live: bool) -> None:
    values: dict[str, object] = {
        "status": "active",
        "org_status": "approved",
        "today": TODAY,
        "available_from": TODAY - timedelta(days=3),
        "available_until": TODAY + timedelta(days=3),
        "capacity_left": 2,
    }
    values.update(changes)
    assert is_live(**values) is live  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("capacity", "left", "new", "expected"),
    [(5, 5, 8, 8), (5, 3, 8, 6), (5, 3, 1, 0), (5, 0, 5, 0), (5, 0, 6, 1)],
)
def test_resizing_keeps_what_was_used(capacity: int, left: int, new: int, expected: int) -> None:
    assert remaining_after_resize(capacity=capacity, capacity_left=left, new_capacity=new) == (
        expected
    )


def test_language_codes_keep_known_codes_once() -> None:
    assert language_codes("en, ES,xx,,es,fr") == ("en", "es", "fr")
    assert language_codes("") == ()


def _service(**overrides: object) -> DirectoryService:
    org = DirectoryOrganization(
        id=uuid.UUID(int=1),
        name="Night Owls",
        description="Drop-in",
        public_contact="frontdesk@example.org",
        languages=("en", "es", "other"),
    )
    values: dict[str, object] = {
        "id": uuid.UUID(int=2),
        "organization": org,
        "title": "Showers",
        "description": "Hot showers",
        "kind": OfferKind.SPACE,
        "category_slug": "hygiene",
        "category_label": "Hygiene",
        "areas": (DirectoryArea(uuid.UUID(int=3), "downtown", "Downtown"),),
        "hours": (
            OpeningSlot(0, "10:00", "14:00"),
            OpeningSlot(2, "10:00", "14:00"),
            OpeningSlot(2, "18:00", "20:00"),
        ),
        "available_from": TODAY,
        "available_until": None,
        "public_location": None,
        "last_modified": datetime(2031, 5, 17, 13, tzinfo=UTC),
    }
    values.update(overrides)
    return DirectoryService(**values)  # type: ignore[arg-type]


def test_hsds_service_nests_what_may_be_published() -> None:
    record = hsds_service(_service())
    assert record["id"] == str(uuid.UUID(int=2))
    assert record["organization_id"] == record["organization"]["id"] == str(uuid.UUID(int=1))
    assert record["organization"]["email"] == "frontdesk@example.org"
    assert record["status"] == "active"
    weekly = [s for s in record["schedules"] if s.get("freq") == "WEEKLY"]
    assert [(s["byday"], s["opens_at"], s["closes_at"]) for s in weekly] == [
        ("MO,WE", "10:00", "14:00"),
        ("WE", "18:00", "20:00"),
    ]
    assert all(s["valid_from"] == "2031-05-17" and "valid_to" not in s for s in weekly)
    assert [a["name"] for a in record["service_areas"]] == ["Downtown"]
    # "Another language" names no language, so it isn't listed as one.
    assert [lang["code"] for lang in record["languages"]] == ["en", "es"]
    assert "service_at_locations" not in record
    # Ids derived from ours are stable from one export to the next.
    assert hsds_service(_service()) == record


def test_hsds_location_only_when_public_and_dates_only_without_hours() -> None:
    record = hsds_service(
        _service(
            public_location="Community hall",
            hours=(),
            available_until=TODAY + timedelta(days=9),
        )
    )
    assert record["service_at_locations"][0]["location"]["name"] == "Community hall"
    assert record["schedules"] == [
        {
            "id": record["schedules"][0]["id"],
            "service_id": record["id"],
            "valid_from": "2031-05-17",
            "valid_to": "2031-05-26",
        }
    ]


def test_hsds_front_door_contact_kinds() -> None:
    def org_record(contact: str) -> dict[str, object]:
        org = DirectoryOrganization(uuid.UUID(int=1), "N", "D", contact, ())
        return hsds_service(_service(organization=org))["organization"]  # type: ignore[no-any-return]

    assert org_record("https://example.org/help")["website"] == "https://example.org/help"
    assert org_record("+1 (555) 010-0199")["phones"] == [
        {
            "id": str(uuid.uuid5(uuid.UUID(int=1), "phone")),
            "organization_id": str(uuid.UUID(int=1)),
            "number": "+1 (555) 010-0199",
        }
    ]
    plain = org_record("Ask at the front desk")
    assert not {"email", "website", "phones"} & set(plain)


def test_hsds_page_is_one_page() -> None:
    page = hsds_page([_service()])
    assert (page["total_items"], page["size"], page["empty"]) == (1, 1, False)
    assert hsds_page([])["empty"] is True
