"""A need's life cycle: every allowed and every refused step, and the counters each moves."""

from __future__ import annotations

import itertools

import pytest

from mutualaid.domain.errors import DomainError, InvalidTransition
from mutualaid.domain.needs import ACTIVE, CLOSED, NeedEvent, NeedStatus, erase_metrics, step

S, E = NeedStatus, NeedEvent

#: Written out by hand, not derived from the code under test.
ALLOWED: dict[tuple[NeedStatus, NeedEvent], tuple[NeedStatus, tuple[str, ...]]] = {
    (S.OPEN, E.MATCH): (S.MATCHED, ("needs_matched",)),
    (S.MATCHED, E.DECLINE): (S.OPEN, ("matches_declined",)),
    (S.MATCHED, E.FULFIL): (S.FULFILLED, ("needs_fulfilled",)),
    (S.OPEN, E.CLOSE_UNMET): (S.UNMET, ("needs_unmet",)),
    (S.MATCHED, E.CLOSE_UNMET): (S.UNMET, ("needs_unmet",)),
    (S.OPEN, E.EXPIRE): (S.EXPIRED, ("needs_expired",)),
    (S.MATCHED, E.EXPIRE): (S.EXPIRED, ("needs_expired",)),
    (S.OPEN, E.WITHDRAW): (S.WITHDRAWN, ("needs_withdrawn",)),
    (S.MATCHED, E.WITHDRAW): (S.WITHDRAWN, ("needs_withdrawn",)),
}
ALL_PAIRS = list(itertools.product(NeedStatus, NeedEvent))
REFUSED = [pair for pair in ALL_PAIRS if pair not in ALLOWED]


def test_the_vocabulary_is_what_the_table_covers() -> None:
    assert set(NeedStatus) == {S.OPEN, S.MATCHED, S.FULFILLED, S.UNMET, S.EXPIRED, S.WITHDRAWN}
    assert set(NeedEvent) == {E.MATCH, E.DECLINE, E.FULFIL, E.CLOSE_UNMET, E.EXPIRE, E.WITHDRAW}
    assert len(ALLOWED) + len(REFUSED) == 36
    assert {S.OPEN, S.MATCHED} == ACTIVE
    assert {S.FULFILLED, S.UNMET, S.EXPIRED, S.WITHDRAWN} == CLOSED


@pytest.mark.parametrize(("current", "event"), list(ALLOWED), ids=lambda v: str(v))
def test_allowed_steps_move_and_count(current: NeedStatus, event: NeedEvent) -> None:
    moved = step(current, event)
    target, metrics = ALLOWED[(current, event)]
    assert moved.status is target
    assert moved.metrics == metrics


@pytest.mark.parametrize(("current", "event"), REFUSED, ids=lambda v: str(v))
def test_refused_steps_raise(current: NeedStatus, event: NeedEvent) -> None:
    with pytest.raises(InvalidTransition):
        step(current, event)


def test_refusals_are_domain_errors_the_web_edge_can_catch() -> None:
    assert issubclass(InvalidTransition, DomainError)


@pytest.mark.parametrize("closed", sorted(CLOSED))
def test_a_closed_need_never_moves_again(closed: NeedStatus) -> None:
    for event in NeedEvent:
        with pytest.raises(InvalidTransition):
            step(closed, event)


@pytest.mark.parametrize("active", sorted(ACTIVE))
def test_erasing_an_active_need_counts_it_as_withdrawn_too(active: NeedStatus) -> None:
    assert erase_metrics(active) == ("needs_withdrawn", "needs_erased")


@pytest.mark.parametrize("closed", sorted(CLOSED))
def test_erasing_a_closed_need_counts_only_the_erasure(closed: NeedStatus) -> None:
    assert erase_metrics(closed) == ("needs_erased",)
