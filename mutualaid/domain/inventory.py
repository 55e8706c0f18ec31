"""The data inventory: every stored field, why we keep it, who reads it, and for how long.

The /privacy page is rendered from this, and a test fails when a model field is missing.
"""

from __future__ import annotations

from dataclasses import dataclass

from mutualaid.i18n import _l


@dataclass(frozen=True)
class Kept:
    purpose: str
    readers: str
    #: One of the RETENTION keys below, filled in from live settings when shown.
    retention: str
    encrypted: bool = False
    free_text: bool = False


COORDINATORS = _l("coordinators")
CODENAME = _l("you, with your codename")
COORDINATORS_AND_YOU = _l("you, with your codename, and coordinators")
NOBODY = _l("nobody: only compared, never read back")
PUBLIC = _l("anyone (it is public)")
AGGREGATE = _l("anyone, as totals only, in reports")

NEED_LIFE = "need"
OFFER_LIFE = "offer"
UNTIL_CLOSE = "until_close"
SETUP = "setup"
FOREVER_AGGREGATE = "aggregate"

NEED_FIELDS: dict[str, Kept] = {
    "id": Kept(_l("a random number to tell requests apart"), COORDINATORS_AND_YOU, NEED_LIFE),
    "codename_hash": Kept(
        _l("a keyed fingerprint of your codename, to find your request"), NOBODY, NEED_LIFE
    ),
    "category": Kept(_l("what kind of help"), COORDINATORS_AND_YOU, NEED_LIFE),
    "area": Kept(_l("a rough area, for matching"), COORDINATORS_AND_YOU, NEED_LIFE),
    "urgency": Kept(_l("when you need it"), COORDINATORS_AND_YOU, NEED_LIFE),
    "window_start": Kept(_l("first day you need it"), COORDINATORS_AND_YOU, NEED_LIFE),
    "window_end": Kept(_l("last day you need it"), COORDINATORS_AND_YOU, NEED_LIFE),
    "description": Kept(
        _l("what you need, in your words"), COORDINATORS_AND_YOU, NEED_LIFE, True, True
    ),
    "contact": Kept(
        _l("how to reach you, only if you gave it"), COORDINATORS_AND_YOU, UNTIL_CLOSE, True, True
    ),
    "preferred_name": Kept(
        _l("what to call you, if you said"), COORDINATORS_AND_YOU, NEED_LIFE, True, True
    ),
    "pronouns": Kept(_l("your pronouns, if you said"), COORDINATORS_AND_YOU, NEED_LIFE, True, True),
    "language": Kept(_l("the language to answer in"), COORDINATORS_AND_YOU, NEED_LIFE),
    "status": Kept(_l("where your request stands"), COORDINATORS_AND_YOU, NEED_LIFE),
    "created_at": Kept(_l("when it was sent, to the hour"), COORDINATORS_AND_YOU, NEED_LIFE),
    "last_activity_at": Kept(_l("last activity, to the hour, for expiry"), COORDINATORS, NEED_LIFE),
    "closed_at": Kept(_l("when it closed, to the hour, for deletion"), COORDINATORS, NEED_LIFE),
}

INVENTORY: dict[str, dict[str, Kept]] = {
    "Need": NEED_FIELDS,
    "Message": {
        "id": Kept(_l("a random number for each message"), COORDINATORS_AND_YOU, NEED_LIFE),
        "need": Kept(_l("which request the message belongs to"), COORDINATORS_AND_YOU, NEED_LIFE),
        "seq": Kept(_l("message order"), COORDINATORS_AND_YOU, NEED_LIFE),
        "author_role": Kept(
            _l("who wrote it: you, a coordinator or the helper (a role, not a name)"),
            COORDINATORS_AND_YOU,
            NEED_LIFE,
        ),
        "body": Kept(_l("the message"), COORDINATORS_AND_YOU, NEED_LIFE, True, True),
        "created_at": Kept(_l("when it was written, to the hour"), COORDINATORS_AND_YOU, NEED_LIFE),
    },
    "Offer": {
        "id": Kept(_l("a random number to tell offers apart"), COORDINATORS_AND_YOU, OFFER_LIFE),
        "codename_hash": Kept(
            _l("a keyed fingerprint of the offer's codename"), NOBODY, OFFER_LIFE
        ),
        "source_kind": Kept(
            _l("whether a person or an organization offers it"), COORDINATORS, OFFER_LIFE
        ),
        "kind": Kept(_l("goods, a service, rides or a space"), COORDINATORS_AND_YOU, OFFER_LIFE),
        "category": Kept(_l("what kind of need it meets"), COORDINATORS_AND_YOU, OFFER_LIFE),
        "areas": Kept(_l("rough areas where help is possible"), COORDINATORS_AND_YOU, OFFER_LIFE),
        "capacity": Kept(_l("how many times it can help"), COORDINATORS_AND_YOU, OFFER_LIFE),
        "capacity_left": Kept(_l("how many times are left"), COORDINATORS_AND_YOU, OFFER_LIFE),
        "available_from": Kept(_l("first day available"), COORDINATORS_AND_YOU, OFFER_LIFE),
        "available_until": Kept(_l("last day available"), COORDINATORS_AND_YOU, OFFER_LIFE),
        "notes": Kept(
            _l("details in the offerer's words"), COORDINATORS_AND_YOU, OFFER_LIFE, True, True
        ),
        "language": Kept(_l("the offerer's language"), COORDINATORS_AND_YOU, OFFER_LIFE),
        "status": Kept(_l("open, paused or ended"), COORDINATORS_AND_YOU, OFFER_LIFE),
        "created_at": Kept(
            _l("when it was offered, to the hour"), COORDINATORS_AND_YOU, OFFER_LIFE
        ),
        "last_activity_at": Kept(_l("last change, to the hour"), COORDINATORS, OFFER_LIFE),
        "closed_at": Kept(_l("when it ended, to the hour, for deletion"), COORDINATORS, OFFER_LIFE),
    },
    "Area": {
        name: Kept(_l("the list of rough areas, set by coordinators"), PUBLIC, SETUP)
        for name in ("id", "slug", "name", "group", "position", "active", "neighbours")
    },
    "Category": {
        name: Kept(_l("the list of kinds of help, set by coordinators"), PUBLIC, SETUP)
        for name in ("id", "slug", "name", "position", "active")
    },
    "Counter": {
        name: Kept(
            _l("running totals by month, kind and rough area group: never about one person"),
            AGGREGATE,
            FOREVER_AGGREGATE,
        )
        for name in ("id", "period", "metric", "category", "area_group", "source_kind", "value")
    },
}

#: How each retention key reads, with the live settings filled in.
RETENTION: dict[str, str] = {
    NEED_LIFE: _l(
        "while your request is open; deleted %(retention)s days after it closes. "
        "Requests with no activity for %(expiry)s days close by themselves."
    ),
    OFFER_LIFE: _l("while the offer is open; deleted %(retention)s days after it ends"),
    UNTIL_CLOSE: _l("erased the moment your request closes"),
    SETUP: _l("until coordinators change it"),
    FOREVER_AGGREGATE: _l("kept, because totals can't point to anyone"),
}
