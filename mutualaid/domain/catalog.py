"""The fixed vocabularies: built-in categories, offer kinds and contact languages."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from mutualaid.i18n import _l

#: Built-in categories (coordinators can add more). Slugs are stable; labels are translated.
BUILTIN_CATEGORIES: dict[str, str] = {
    "food": _l("Food"),
    "housing": _l("Housing and shelter"),
    "transport": _l("Transport"),
    "phone-charging": _l("Phone charging"),
    "hygiene": _l("Hygiene and harm-reduction supplies"),
    "childcare": _l("Childcare"),
    "cash": _l("Cash and bills"),
    "other": _l("Something else"),
}


class OfferKind(StrEnum):
    GOODS = "goods"
    SERVICE = "service"
    RIDE = "ride"
    SPACE = "space"


OFFER_KIND_LABELS = {
    OfferKind.GOODS: _l("Goods or supplies"),
    OfferKind.SERVICE: _l("A service or time"),
    OfferKind.RIDE: _l("Rides"),
    OfferKind.SPACE: _l("A space (room, shower, charging point)"),
}


class OfferStatus(StrEnum):
    ACTIVE = "active"
    PAUSED = "paused"
    ENDED = "ended"


OFFER_STATUS_LABELS = {
    OfferStatus.ACTIVE: _l("Open: coordinators can match it"),
    OfferStatus.PAUSED: _l("Paused by you"),
    OfferStatus.ENDED: _l("Ended"),
}

METRIC_OFFERS_POSTED = "offers_posted"
METRIC_OFFERS_ENDED = "offers_ended"

#: Languages a community member can ask to be answered in, named in their own language.
CONTACT_LANGUAGES: dict[str, str] = {
    "en": "English",
    "es": "Español",
    "fr": "Français",
    "pt": "Português",
    "zh": "中文",
    "vi": "Tiếng Việt",
    "ko": "한국어",
    "tl": "Tagalog",
    "ru": "Русский",
    "ar": "العربية",
    "ht": "Kreyòl ayisyen",
    "other": _l("Another language (say which in your message)"),
}


def category_label(slug: str, custom_name: str = "") -> str:
    """The translated name of a built-in category, or a coordinator's own name for it."""
    label = BUILTIN_CATEGORIES.get(slug)
    return str(label) if label is not None else custom_name or slug


@dataclass(frozen=True)
class OfferDraft:
    """What a community member offers, already checked by the form."""

    kind: OfferKind
    category: str
    areas: tuple[str, ...]
    capacity: int
    available_from: date
    language: str
    available_until: date | None = None
    notes: str | None = None
