"""A match's life, and who may see a community member's contact details (privacy promise 4)."""

from __future__ import annotations

from enum import StrEnum

from mutualaid.domain.errors import DomainError
from mutualaid.i18n import _l


class MatchStatus(StrEnum):
    PROPOSED = "proposed"
    ACCEPTED = "accepted"
    DECLINED = "declined"
    FULFILLED = "fulfilled"
    CANCELLED = "cancelled"


OPEN = frozenset({MatchStatus.PROPOSED, MatchStatus.ACCEPTED})

MATCH_STATUS_LABELS = {
    MatchStatus.PROPOSED: _l("Proposed: waiting for the helper to accept"),
    MatchStatus.ACCEPTED: _l("Accepted by the helper"),
    MatchStatus.DECLINED: _l("Declined by the helper"),
    MatchStatus.FULFILLED: _l("Fulfilled"),
    MatchStatus.CANCELLED: _l("Cancelled"),
}


class NoLongerAvailable(DomainError):
    """The offer stopped passing the hard filters (capacity ran out, paused, ended) meanwhile."""


class NotMatchable(DomainError):
    """Only an open need can be matched, and only once at a time."""


class NoOpenMatch(DomainError):
    """There is no open match here to accept, decline, consent to or fulfil."""


def contact_visible_to_helper(
    *, match_status: str, contact_shared: bool, need_active: bool
) -> bool:
    """A helper sees the contact only after the member said yes, while the match is open."""
    return contact_shared and need_active and match_status in OPEN
