"""Allied organizations: the no-strings worksheet, their standing with us, and their invitations.

Privacy promise 7: before an organization's pledges go live it answers the worksheet below,
and coordinators read the answers when they decide. Nothing here does I/O.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import timedelta
from enum import StrEnum

from mutualaid.domain.catalog import CONTACT_LANGUAGES
from mutualaid.domain.errors import DomainError, InvalidTransition, UnknownChoice
from mutualaid.i18n import _l


class Answer(StrEnum):
    NO = "no"
    YES = "yes"
    UNSURE = "unsure"


ANSWER_LABELS = {
    Answer.NO: _l("No"),
    Answer.YES: _l("Yes"),
    Answer.UNSURE: _l("Not sure"),
}

#: The worksheet, in the order of privacy promise 7. Keys are stored; labels are translated.
WORKSHEET_QUESTIONS: dict[str, str] = {
    "restricts_sex_trades": _l("Does any funder restrict aid to people in the sex trades?"),
    "police_or_courts": _l("Does any funder require cooperation with police or courts?"),
    "endangering_reports": _l(
        "Does any funder require reporting information that could endanger people?"
    ),
    "conflates_trafficking": _l("Does any funder conflate trafficking with consensual sex work?"),
    "end_demand": _l("Does any funder support “end demand” policing?"),
    "required_activities": _l(
        "Does any funder require religious practice, therapy or other activities?"
    ),
    "proof_of_trafficking": _l("Does any funder require proof of trafficking?"),
}


def concerns(answers: Mapping[str, str]) -> tuple[str, ...]:
    """The questions a coordinator should look at: any answer but a plain "no".

    A missing or unreadable answer counts as a concern too, so a gap is never read as "no".
    """
    return tuple(key for key in WORKSHEET_QUESTIONS if answers.get(key) != Answer.NO.value)


class OrganizationStatus(StrEnum):
    PENDING = "pending"
    APPROVED = "approved"
    SUSPENDED = "suspended"


STATUS_LABELS = {
    OrganizationStatus.PENDING: _l("Waiting for a coordinator"),
    OrganizationStatus.APPROVED: _l("Approved"),
    OrganizationStatus.SUSPENDED: _l("Suspended"),
}

#: The order of the coordinators' list: what needs a decision first.
STATUS_ORDER = {
    OrganizationStatus.PENDING: 0,
    OrganizationStatus.APPROVED: 1,
    OrganizationStatus.SUSPENDED: 2,
}


class Decision(StrEnum):
    APPROVE = "approve"
    SUSPEND = "suspend"
    REINSTATE = "reinstate"


#: (from, decision) -> to. Anything not listed is refused.
TRANSITIONS: dict[tuple[OrganizationStatus, Decision], OrganizationStatus] = {
    (OrganizationStatus.PENDING, Decision.APPROVE): OrganizationStatus.APPROVED,
    (OrganizationStatus.APPROVED, Decision.SUSPEND): OrganizationStatus.SUSPENDED,
    (OrganizationStatus.SUSPENDED, Decision.REINSTATE): OrganizationStatus.APPROVED,
}


def decide(current: OrganizationStatus, decision: Decision) -> OrganizationStatus:
    """An organization's new standing after a coordinator's decision, or InvalidTransition."""
    target = TRANSITIONS.get((current, decision))
    if target is None:
        raise InvalidTransition(f"{current} cannot {decision}")
    return target


class Credit(StrEnum):
    NAME = "name"
    ANONYMOUS = "anonymous"


CREDIT_LABELS = {
    Credit.NAME: _l("By our name"),
    Credit.ANONYMOUS: _l("Anonymously, as “an allied organization”"),
}


class InvitationKind(StrEnum):
    #: A coordinator invites an organization to apply.
    ORGANIZATION = "organization"
    #: A member invites a colleague to join their organization.
    MEMBER = "member"


#: How long an invitation link works.
INVITATION_LIFETIME = timedelta(days=14)


@dataclass(frozen=True)
class OrganizationDraft:
    """An application, already checked by the form."""

    name: str
    description: str
    public_contact: str
    areas: tuple[str, ...]
    languages: tuple[str, ...]
    credit: Credit
    worksheet: Mapping[str, Answer] = field(default_factory=dict)
    worksheet_notes: str = ""
    no_strings_commitment: bool = False


class CommitmentRequired(DomainError):
    """An organization joins only if it commits that its aid carries no conditions."""


class IncompleteWorksheet(DomainError):
    """Every worksheet question needs an answer (no, yes or not sure)."""


class UnknownOrganization(DomainError):
    """No organization with that id, or not one this person may act for."""


class InvalidInvitation(DomainError):
    """The link is unknown, expired or already used: all three are answered alike."""


def check_application(draft: OrganizationDraft) -> None:
    """Refuse an application that skips the commitment or a worksheet question."""
    if not draft.no_strings_commitment:
        raise CommitmentRequired()
    if set(draft.worksheet) != set(WORKSHEET_QUESTIONS) or not all(
        answer in set(Answer) for answer in draft.worksheet.values()
    ):
        raise IncompleteWorksheet()
    if not draft.languages or any(code not in CONTACT_LANGUAGES for code in draft.languages):
        raise UnknownChoice("languages")
