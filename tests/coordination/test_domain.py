"""The matching rules and the queue's rules, as plain Python: every hard filter, every
ranking rule, ages, order and pages."""

from __future__ import annotations

import uuid
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

import pytest

from mutualaid.domain.matching import (
    ALL_DAYS,
    HardFilters,
    OfferFacts,
    day_bits,
    first_possible_day,
    hard_filters,
    need_window,
    open_days_bits,
    rank,
)
from mutualaid.domain.needs import Urgency
from mutualaid.domain.queue import (
    AGE_BAND_HOURS,
    PAGE_SIZE,
    URGENCY_ORDER,
    AgeBand,
    QueueFilters,
    age_band_bounds,
    age_band_of,
    age_hours,
    paginate,
    queue_order_key,
)

#: A Monday, so weekday bits are easy to read.
MONDAY = date(2031, 6, 2)
FOOD, HOUSING = uuid.uuid4(), uuid.uuid4()
HERE, NEXT_DOOR, ELSEWHERE = uuid.uuid4(), uuid.uuid4(), uuid.uuid4()


def bit(*days: int) -> int:
    return open_days_bits(set(days))


# --- the need's window ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("urgency", "days"), [(Urgency.NOW, 1), (Urgency.SOON, 4), (Urgency.FLEXIBLE, 30)]
)
def test_need_window_looks_ahead_by_urgency(urgency: Urgency, days: int) -> None:
    start, end = need_window(urgency, None, None, MONDAY)
    assert start == MONDAY
    assert end == MONDAY + timedelta(days=days - 1)


def test_need_window_uses_the_members_dates_but_never_the_past() -> None:
    start, end = MONDAY + timedelta(days=3), MONDAY + timedelta(days=5)
    assert need_window(Urgency.WINDOW, start, end, MONDAY) == (start, end)
    # A window that began already starts today; one entirely past is today only.
    assert need_window(Urgency.WINDOW, MONDAY - timedelta(days=2), end, MONDAY) == (MONDAY, end)
    past = (MONDAY - timedelta(days=5), MONDAY - timedelta(days=3))
    assert need_window(Urgency.WINDOW, *past, MONDAY) == (MONDAY, MONDAY)


def test_a_window_without_dates_looks_ahead_like_flexible() -> None:
    assert need_window(Urgency.WINDOW, None, None, MONDAY) == need_window(
        Urgency.FLEXIBLE, None, None, MONDAY
    )


# --- weekdays --------------------------------------------------------------------------------


def test_day_bits_are_the_weekdays_in_the_window() -> None:
    assert day_bits(MONDAY, MONDAY) == 0b1
    assert day_bits(MONDAY + timedelta(days=5), MONDAY + timedelta(days=6)) == bit(5, 6)
    assert day_bits(MONDAY + timedelta(days=6), MONDAY + timedelta(days=8)) == bit(6, 0, 1)
    assert day_bits(MONDAY, MONDAY + timedelta(days=6)) == ALL_DAYS
    assert day_bits(MONDAY, MONDAY + timedelta(days=300)) == ALL_DAYS
    assert day_bits(MONDAY + timedelta(days=1), MONDAY) == 0


def test_open_days_bits_store_weekdays_with_monday_as_one() -> None:
    assert open_days_bits(set()) == 0
    assert open_days_bits({0}) == 1
    assert open_days_bits({0, 6}) == 0b1000001
    assert open_days_bits(frozenset(range(7))) == ALL_DAYS


# --- the hard filters, one condition at a time ------------------------------------------------


def filters(**overrides: object) -> HardFilters:
    """A need for food, here (next door is a neighbour), on Monday to Wednesday."""
    base = hard_filters(
        category_id=FOOD,
        area_id=HERE,
        neighbour_ids=frozenset({NEXT_DOOR}),
        urgency=Urgency.WINDOW,
        window_start=MONDAY,
        window_end=MONDAY + timedelta(days=2),
        today=MONDAY,
    )
    return replace(base, **overrides)  # type: ignore[arg-type]


def offer(**overrides: object) -> OfferFacts:
    """An offer every hard filter admits for `filters()`."""
    values: dict[str, object] = {
        "id": uuid.uuid4(),
        "category_id": FOOD,
        "status": "active",
        "capacity_left": 1,
        "organization_status": None,
        "area_ids": frozenset({HERE}),
        "available_from": MONDAY,
        "available_until": None,
        "open_days": 0,
    }
    values.update(overrides)
    return OfferFacts(**values)  # type: ignore[arg-type]


def test_hard_filters_cover_the_area_and_its_neighbours_and_the_window() -> None:
    f = filters()
    assert f.area_ids == {HERE, NEXT_DOOR}
    assert (f.window_start, f.window_end) == (MONDAY, MONDAY + timedelta(days=2))
    assert f.window_days == bit(0, 1, 2)
    assert f.admits(offer())


def test_same_category_only() -> None:
    assert not filters().admits(offer(category_id=HOUSING))


@pytest.mark.parametrize("status", ["paused", "ended", "", "ACTIVE"])
def test_active_offers_only(status: str) -> None:
    assert not filters().admits(offer(status=status))


@pytest.mark.parametrize(("left", "admitted"), [(-1, False), (0, False), (1, True), (50, True)])
def test_capacity_must_be_left(left: int, admitted: bool) -> None:
    assert filters().admits(offer(capacity_left=left)) is admitted


@pytest.mark.parametrize(
    ("organization_status", "admitted"),
    [(None, True), ("approved", True), ("pending", False), ("suspended", False)],
)
def test_community_offers_and_approved_organizations_only(
    organization_status: str | None, admitted: bool
) -> None:
    assert filters().admits(offer(organization_status=organization_status)) is admitted


@pytest.mark.parametrize(
    ("areas", "admitted"),
    [
        ({HERE}, True),
        ({NEXT_DOOR}, True),
        ({ELSEWHERE, NEXT_DOOR}, True),
        ({ELSEWHERE}, False),
        (set(), False),
    ],
)
def test_serves_the_area_or_a_neighbour(areas: set[uuid.UUID], admitted: bool) -> None:
    assert filters().admits(offer(area_ids=frozenset(areas))) is admitted


@pytest.mark.parametrize(
    ("start", "until", "admitted"),
    [
        (0, None, True),
        (-30, None, True),
        (2, None, True),  # starts on the window's last day
        (3, None, False),  # starts after the window
        (-10, 0, True),  # ends on the window's first day
        (-10, -1, False),  # ended before the window
        (1, 1, True),
    ],
)
def test_dates_overlap_the_window(start: int, until: int | None, admitted: bool) -> None:
    candidate = offer(
        available_from=MONDAY + timedelta(days=start),
        available_until=None if until is None else MONDAY + timedelta(days=until),
    )
    assert filters().admits(candidate) is admitted


@pytest.mark.parametrize(
    ("open_days", "admitted"),
    [
        (0, True),  # no weekly hours: any day
        (bit(0), True),
        (bit(2, 5), True),
        (bit(3, 4, 5, 6), False),  # open Thursday to Sunday; the window is Monday to Wednesday
        (ALL_DAYS, True),
    ],
)
def test_opening_days_overlap_the_window(open_days: int, admitted: bool) -> None:
    assert filters().admits(offer(open_days=open_days)) is admitted


# --- first possible day and ranking ----------------------------------------------------------


def test_first_possible_day_is_the_first_available_open_day_in_the_window() -> None:
    f = filters()
    assert first_possible_day(offer(), f) == MONDAY
    assert first_possible_day(offer(available_from=MONDAY + timedelta(days=1)), f) == (
        MONDAY + timedelta(days=1)
    )
    assert first_possible_day(offer(open_days=bit(2)), f) == MONDAY + timedelta(days=2)
    # Available from Tuesday, open only on Wednesday and Monday: Wednesday.
    tuesday = MONDAY + timedelta(days=1)
    assert first_possible_day(offer(available_from=tuesday, open_days=bit(0, 2)), f) == (
        MONDAY + timedelta(days=2)
    )


def ids(suggestions: list[object]) -> list[uuid.UUID]:
    return [s.offer.id for s in suggestions]  # type: ignore[attr-defined]


def test_exact_area_comes_before_a_neighbours_even_if_later() -> None:
    near = offer(area_ids=frozenset({NEXT_DOOR}))
    here = offer(available_from=MONDAY + timedelta(days=2))
    ranked = rank([near, here], filters(), need_area_id=HERE, loads={})
    assert ids(ranked) == [here.id, near.id]
    assert [s.exact_area for s in ranked] == [True, False]


def test_sooner_comes_before_later() -> None:
    later = offer(available_from=MONDAY + timedelta(days=1))
    later_by_hours = offer(open_days=bit(2))
    sooner = offer()
    ranked = rank([later_by_hours, later, sooner], filters(), need_area_id=HERE, loads={})
    assert ids(ranked) == [sooner.id, later.id, later_by_hours.id]
    assert [s.first_day for s in ranked] == [MONDAY + timedelta(days=d) for d in (0, 1, 2)]


def test_lighter_loaded_organizations_come_first() -> None:
    busy_org, quiet_org = uuid.uuid4(), uuid.uuid4()
    busy = offer(organization_id=busy_org, organization_status="approved")
    quiet = offer(organization_id=quiet_org, organization_status="approved")
    community = offer()
    ranked = rank(
        [busy, quiet, community], filters(), need_area_id=HERE, loads={busy_org: 4, quiet_org: 1}
    )
    assert ids(ranked)[-1] == busy.id
    assert ids(ranked).index(quiet.id) < ids(ranked).index(busy.id)
    assert [s.organization_load for s in ranked] == sorted(s.organization_load for s in ranked)
    # Community members' offers carry no organization load.
    assert next(s for s in ranked if s.offer.id == community.id).organization_load == 0


def test_area_outranks_day_which_outranks_load() -> None:
    org = uuid.uuid4()
    loaded_here_today = offer(organization_id=org, organization_status="approved")
    free_here_tomorrow = offer(available_from=MONDAY + timedelta(days=1))
    free_next_door_today = offer(area_ids=frozenset({NEXT_DOOR}))
    ranked = rank(
        [free_next_door_today, free_here_tomorrow, loaded_here_today],
        filters(),
        need_area_id=HERE,
        loads={org: 9},
    )
    assert ids(ranked) == [loaded_here_today.id, free_here_tomorrow.id, free_next_door_today.id]


def test_ties_are_broken_by_id_so_the_order_is_stable() -> None:
    tied = [offer() for _ in range(8)]
    first = rank(tied, filters(), need_area_id=HERE, loads={})
    again = rank(list(reversed(tied)), filters(), need_area_id=HERE, loads={})
    assert ids(first) == ids(again) == sorted((o.id for o in tied), key=str)


def test_a_community_offer_and_a_pledge_that_tie_go_by_capacity_left() -> None:
    org = uuid.uuid4()
    pledge = offer(organization_id=org, organization_status="approved", capacity_left=2)
    community = offer(capacity_left=5)
    for order in ([pledge, community], [community, pledge]):
        ranked = rank(order, filters(), need_area_id=HERE, loads={org: 0})
        assert ids(ranked) == [community.id, pledge.id]
    # The other way round when the pledge has more left.
    roomier = offer(organization_id=org, organization_status="approved", capacity_left=9)
    ranked = rank([community, roomier], filters(), need_area_id=HERE, loads={org: 0})
    assert ids(ranked) == [roomier.id, community.id]


def test_then_the_offer_ending_sooner_then_the_id() -> None:
    org = uuid.uuid4()
    open_ended = offer()
    ends_friday = offer(
        organization_id=org,
        organization_status="approved",
        available_until=MONDAY + timedelta(days=4),
    )
    ends_tuesday = offer(available_until=MONDAY + timedelta(days=1))
    ranked = rank([open_ended, ends_friday, ends_tuesday], filters(), need_area_id=HERE, loads={})
    assert ids(ranked) == [ends_tuesday.id, ends_friday.id, open_ended.id]
    # Only when everything else ties does the id decide.
    twins = [offer(available_until=MONDAY + timedelta(days=3)) for _ in range(4)]
    ranked = rank(twins, filters(), need_area_id=HERE, loads={})
    assert ids(ranked) == sorted((o.id for o in twins), key=str)


def test_capacity_left_never_outranks_area_day_or_load() -> None:
    org = uuid.uuid4()
    roomy_next_door = offer(area_ids=frozenset({NEXT_DOOR}), capacity_left=50)
    roomy_tomorrow = offer(available_from=MONDAY + timedelta(days=1), capacity_left=50)
    roomy_but_loaded = offer(organization_id=org, organization_status="approved", capacity_left=50)
    last_unit = offer(capacity_left=1)
    ranked = rank(
        [roomy_next_door, roomy_tomorrow, roomy_but_loaded, last_unit],
        filters(),
        need_area_id=HERE,
        loads={org: 1},
    )
    assert ids(ranked) == [last_unit.id, roomy_but_loaded.id, roomy_tomorrow.id, roomy_next_door.id]


def test_rank_drops_what_the_filters_refuse_and_keeps_the_limit() -> None:
    refused = offer(capacity_left=0)
    many = [offer() for _ in range(15)]
    ranked = rank([refused, *many], filters(), need_area_id=HERE, loads={}, limit=10)
    assert len(ranked) == 10
    assert refused.id not in ids(ranked)


# --- the queue -------------------------------------------------------------------------------

NOW = datetime(2031, 6, 2, 15, 42, 7, tzinfo=UTC)


def test_queue_order_is_urgency_then_newest() -> None:
    assert [u.value for u in URGENCY_ORDER] == ["now", "soon", "window", "flexible"]
    old_now = ("now", NOW - timedelta(days=3), uuid.uuid4())
    new_now = ("now", NOW - timedelta(hours=1), uuid.uuid4())
    new_flexible = ("flexible", NOW, uuid.uuid4())
    soon = ("soon", NOW - timedelta(days=9), uuid.uuid4())
    window = ("window", NOW - timedelta(hours=5), uuid.uuid4())
    shuffled = [new_flexible, window, old_now, soon, new_now]
    ordered = sorted(shuffled, key=lambda n: queue_order_key(*n))
    assert ordered == [new_now, old_now, soon, window, new_flexible]


@pytest.mark.parametrize(
    ("hours", "band"),
    [
        (0, AgeBand.DAY),
        (23, AgeBand.DAY),
        (24, AgeBand.DAYS),
        (71, AgeBand.DAYS),
        (72, AgeBand.WEEK),
        (167, AgeBand.WEEK),
        (168, AgeBand.OLDER),
        (24 * 400, AgeBand.OLDER),
    ],
)
def test_age_bands(hours: int, band: AgeBand) -> None:
    posted = NOW.replace(minute=0, second=0, microsecond=0) - timedelta(hours=hours)
    assert age_hours(posted, NOW) == hours
    assert age_band_of(posted, NOW) is band


def test_age_never_goes_negative() -> None:
    assert age_hours(NOW + timedelta(hours=2), NOW) == 0


def test_age_band_bounds_agree_with_age_band_of_for_every_hour() -> None:
    """The range SQL filters on is exactly the band the domain names."""
    for hours in range(24 * 10):
        posted = NOW.replace(minute=0, second=0, microsecond=0) - timedelta(hours=hours)
        for band in AgeBand:
            after, until = age_band_bounds(band, NOW)
            inside = (until is None or posted <= until) and (after is None or posted > after)
            assert inside is (age_band_of(posted, NOW) is band), (hours, band)
    assert set(AGE_BAND_HOURS) == set(AgeBand)


def test_a_posting_time_ahead_of_the_clock_is_in_the_youngest_band() -> None:
    ahead = NOW + timedelta(hours=2)
    after, until = age_band_bounds(AgeBand.DAY, NOW)
    assert age_band_of(ahead, NOW) is AgeBand.DAY
    assert until is None and after is not None and ahead > after


def test_pagination_clamps_to_the_pages_there_are() -> None:
    assert paginate(0, 1) == paginate(0, 7)
    empty = paginate(0, 3)
    assert (empty.page, empty.pages, empty.first_shown, empty.last_shown) == (1, 1, 0, 0)
    pages = paginate(2 * PAGE_SIZE + 3, 2)
    assert (pages.page, pages.pages, pages.offset) == (2, 3, PAGE_SIZE)
    assert (pages.first_shown, pages.last_shown) == (PAGE_SIZE + 1, 2 * PAGE_SIZE)
    assert pages.has_previous and pages.has_next
    last = paginate(2 * PAGE_SIZE + 3, 99)
    assert (last.page, last.last_shown, last.has_next) == (3, 2 * PAGE_SIZE + 3, False)
    assert paginate(PAGE_SIZE, 0).page == 1
    assert paginate(PAGE_SIZE, 1).pages == 1


def test_queue_filters_drop_one_facet_at_a_time() -> None:
    filters_ = QueueFilters(category="food", urgency=Urgency.NOW, age=AgeBand.DAY)
    assert filters_.any
    assert filters_.without("category") == QueueFilters(urgency=Urgency.NOW, age=AgeBand.DAY)
    assert not QueueFilters().any
