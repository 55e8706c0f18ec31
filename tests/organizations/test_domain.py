"""The worksheet and an organization's standing, as plain data and pure functions."""

from __future__ import annotations

import pytest

from mutualaid.domain.errors import InvalidTransition, UnknownChoice
from mutualaid.domain.organizations import (
    ANSWER_LABELS,
    TRANSITIONS,
    WORKSHEET_QUESTIONS,
    Answer,
    CommitmentRequired,
    Decision,
    IncompleteWorksheet,
    OrganizationStatus,
    check_application,
    concerns,
    decide,
)
from mutualaid.web.org_forms import ApplyForm
from tests.organizations.conftest import draft

S = OrganizationStatus
D = Decision

#: Privacy promise 7, question by question, in its order.
PROMISE_7 = [
    ("restricts_sex_trades", "restrict aid to people in the sex trades"),
    ("police_or_courts", "require cooperation with police or courts"),
    ("endangering_reports", "require reporting information that could endanger people"),
    ("conflates_trafficking", "conflate trafficking with consensual sex work"),
    ("end_demand", "support “end demand” policing"),
    ("required_activities", "require religious practice, therapy or other activities"),
    ("proof_of_trafficking", "require proof of trafficking"),
]


def test_the_worksheet_asks_exactly_the_seven_questions_of_promise_7() -> None:
    assert [key for key, _ in PROMISE_7] == list(WORKSHEET_QUESTIONS)
    for key, words in PROMISE_7:
        assert words in str(WORKSHEET_QUESTIONS[key])
        assert str(WORKSHEET_QUESTIONS[key]).startswith("Does any funder ")


def test_answers_are_no_yes_or_unsure_with_labels() -> None:
    assert [a.value for a in Answer] == ["no", "yes", "unsure"]
    assert [str(label) for label in ANSWER_LABELS.values()] == ["No", "Yes", "Not sure"]


def test_the_application_form_asks_every_question() -> None:
    assert set(WORKSHEET_QUESTIONS) <= set(ApplyForm.model_fields)


def test_concerns_are_every_answer_but_no() -> None:
    all_no = {key: "no" for key in WORKSHEET_QUESTIONS}
    assert concerns(all_no) == ()
    answers = {**all_no, "police_or_courts": "yes", "proof_of_trafficking": "unsure"}
    assert concerns(answers) == ("police_or_courts", "proof_of_trafficking")


def test_a_missing_or_strange_answer_is_a_concern_never_a_no() -> None:
    assert concerns({}) == tuple(WORKSHEET_QUESTIONS)
    answers = {key: "no" for key in WORKSHEET_QUESTIONS}
    answers["end_demand"] = "NO"
    del answers["required_activities"]
    assert concerns(answers) == ("end_demand", "required_activities")


@pytest.mark.parametrize(
    ("current", "decision", "target"),
    [
        (S.PENDING, D.APPROVE, S.APPROVED),
        (S.APPROVED, D.SUSPEND, S.SUSPENDED),
        (S.SUSPENDED, D.REINSTATE, S.APPROVED),
    ],
)
def test_allowed_decisions(current: S, decision: D, target: S) -> None:
    assert decide(current, decision) is target


def test_every_other_decision_is_refused() -> None:
    for current in S:
        for decision in D:
            if (current, decision) not in TRANSITIONS:
                with pytest.raises(InvalidTransition):
                    decide(current, decision)
    assert len(TRANSITIONS) == 3


def test_an_application_needs_the_commitment() -> None:
    check_application(draft())
    with pytest.raises(CommitmentRequired):
        check_application(draft(no_strings_commitment=False))


def test_an_application_needs_every_answer() -> None:
    answers = {key: Answer.NO for key in WORKSHEET_QUESTIONS}
    del answers["end_demand"]
    with pytest.raises(IncompleteWorksheet):
        check_application(draft(worksheet=answers))
    with pytest.raises(IncompleteWorksheet):
        check_application(draft(worksheet={**answers, "end_demand": "maybe"}))


def test_an_application_needs_known_languages() -> None:
    with pytest.raises(UnknownChoice):
        check_application(draft(languages=()))
    with pytest.raises(UnknownChoice):
        check_application(draft(languages=("en", "xx")))
