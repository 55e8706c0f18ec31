"""The demo's report history: counters only, moved as real requests' events would move them,
so a new demo database shows published months at /reports without a single stored record."""

from __future__ import annotations

from collections import Counter as Tally
from datetime import UTC, datetime

from mutualaid.domain import needs as rules
from mutualaid.domain.clock import month_of, now
from mutualaid.domain.demo_history import (
    NEEDS_PER_MONTH,
    complete_months,
    simulated_moves,
)
from mutualaid.services.demo import load_demo_history
from mutualaid.services.reports import publish_due
from mutualaid.storage.models import Counter, Match, Message, Need, Offer, PublishedReport
from tests.conftest import Database

AT = datetime(2031, 5, 17, 9, tzinfo=UTC)
GROUPS = ("Central", "East", "North", "South", "West")


def test_complete_months_are_the_ones_before_this_one() -> None:
    assert [month_of(m) for m in complete_months(AT, 3)] == ["2031-02", "2031-03", "2031-04"]
    assert [month_of(m) for m in complete_months(datetime(2031, 1, 1, tzinfo=UTC), 2)] == [
        "2030-11",
        "2030-12",
    ]


def test_simulated_lives_move_counters_as_real_needs_would() -> None:
    months = complete_months(AT, 3)
    moves = simulated_moves(months, area_groups=GROUPS, until=AT)
    assert moves == simulated_moves(months, area_groups=GROUPS, until=AT)  # repeatable
    assert all(m.when < AT for m in moves)
    by_metric = Tally(m.metric for m in moves)
    posted_per_month = Tally(month_of(m.when) for m in moves if m.metric == rules.METRIC_POSTED)
    assert set(posted_per_month) == {month_of(m) for m in months}
    assert all(NEEDS_PER_MONTH[0] <= n <= NEEDS_PER_MONTH[1] for n in posted_per_month.values())
    closed = sum(by_metric[rules.METRIC_FOR_STATUS[s]] for s in rules.CLOSED)
    assert 0 < closed <= by_metric[rules.METRIC_POSTED]
    # Every match and every fulfilment lands in exactly one time bucket, as in apply_event.
    for event, arrived in (
        (rules.NeedEvent.MATCH, "needs_matched"),
        (rules.NeedEvent.FULFIL, "needs_fulfilled"),
    ):
        prefix = rules.TIME_METRIC_PREFIX[event]
        assert (
            sum(n for metric, n in by_metric.items() if metric.startswith(prefix))
            == by_metric[arrived]
        )
    assert by_metric["matches_declined"] > 0 and by_metric["offers_posted"] > 0
    assert {m.area_group for m in moves if m.metric == rules.METRIC_POSTED} == set(GROUPS)


def test_nothing_happens_after_until() -> None:
    months = complete_months(AT, 1)
    early = simulated_moves(months, area_groups=GROUPS, until=months[0].replace(day=10))
    assert all(m.when < months[0].replace(day=10) for m in early)


async def test_the_demo_history_is_counters_only_and_publishes_three_months(db: Database) -> None:
    # Today: the test database's demo offers were counted this month, as in a real demo.
    at = now()
    expected = [month_of(m) for m in complete_months(at, 3)]
    records = {m: await m.all().count() for m in (Need, Offer, Match, Message)}
    rows = await load_demo_history(at=at)
    assert rows > 100
    assert {m: await m.all().count() for m in (Need, Offer, Match, Message)} == records
    periods = set(await Counter.all().values_list("period", flat=True))
    assert set(expected) <= periods
    assert await load_demo_history(at=at) == 0  # never twice over the same months
    assert await publish_due(now=at, threshold=11, currency="usd") == 3
    assert sorted(await PublishedReport.all().values_list("period", flat=True)) == expected
