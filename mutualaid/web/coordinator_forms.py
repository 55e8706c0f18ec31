"""Forms for the coordinators' console: queue filters, proposing, messages and closing."""

from __future__ import annotations

import uuid
from typing import Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field

from mutualaid.domain.needs import Urgency
from mutualaid.domain.queue import AgeBand
from mutualaid.i18n import _l
from mutualaid.web.forms import Text, _empty_to_none
from mutualaid.web.pledge_forms import OptionalLanguage, OptionalSlug

MAX_PAGE = 10_000


def _page_number(value: Any) -> int:
    """A page that isn't a sensible number is page 1: an old or edited link, not an error."""
    try:
        page = int(str(value).strip() or "1")
    except ValueError:
        return 1
    return min(max(page, 1), MAX_PAGE)


class QueueFilterForm(BaseModel):
    model_config = ConfigDict(extra="ignore", frozen=True)

    #: Only the statuses the queue holds (QUEUE_STATUSES).
    status: Annotated[Literal["open", "matched"] | None, BeforeValidator(_empty_to_none)] = None
    urgency: Annotated[Urgency | None, BeforeValidator(_empty_to_none)] = None
    category: OptionalSlug = None
    area: OptionalSlug = None
    language: OptionalLanguage = None
    age: Annotated[AgeBand | None, BeforeValidator(_empty_to_none)] = None
    page: Annotated[int, BeforeValidator(_page_number)] = 1


class ProposeForm(BaseModel):
    model_config = ConfigDict(extra="ignore", frozen=True)

    offer_id: uuid.UUID


class CoordinatorMessageForm(BaseModel):
    model_config = ConfigDict(extra="ignore", frozen=True)

    body: Annotated[Text, Field(min_length=1, max_length=2000)]


class CloseForm(BaseModel):
    model_config = ConfigDict(extra="ignore", frozen=True)

    outcome: Literal["fulfilled", "unmet", "withdrawn"]


COORDINATOR_FIELD_MESSAGES: dict[str, str] = {
    "status": _l("Choose a status from the list."),
    "urgency": _l("Choose how soon from the list."),
    "category": _l("Choose a kind of help from the list."),
    "area": _l("Choose an area from the list."),
    "language": _l("Choose a language from the list."),
    "age": _l("Choose an age from the list."),
    "offer_id": _l("Choose one of the suggestions."),
    "body": _l("Write a message of up to 2,000 characters."),
    "outcome": _l("Choose how this ended: met, not met, or withdrawn."),
}
