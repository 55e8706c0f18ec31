"""The data inventory: every stored field, why we keep it, who reads it, and for how long.

The /privacy page is rendered from this, and a test fails when a model field is missing.
"""

from __future__ import annotations

from dataclasses import dataclass

from mutualaid.domain import money
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
STAFF_ONLY = _l("coordinators and admins (and the organization itself, for its own)")
AGGREGATE = _l("anyone, as totals only, in reports")

NEED_LIFE = "need"
OFFER_LIFE = "offer"
UNTIL_CLOSE = "until_close"
SETUP = "setup"
FOREVER_AGGREGATE = "aggregate"
SESSION = "session"
USED_FORM = "used_form"
AUDIT = "audit"
LEDGER = "ledger"
GIFT_LIFE = "gift"
STRIPE_NOTICE = "stripe_event"
QUEUE_COUNT = "queue_count"

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
        "organization": Kept(
            _l("the organization that pledged it, if any"), COORDINATORS, OFFER_LIFE
        ),
        "title": Kept(_l("public name of a pledged service"), PUBLIC, OFFER_LIFE),
        "public_description": Kept(
            _l("public description of a pledged service"), PUBLIC, OFFER_LIFE, free_text=True
        ),
        "weekly_hours": Kept(_l("weekly opening hours"), PUBLIC, OFFER_LIFE),
        "open_days": Kept(_l("weekly opening hours"), PUBLIC, OFFER_LIFE),
        "location_note": Kept(
            _l("where a pledged service happens; public only if the organization says so"),
            COORDINATORS,
            OFFER_LIFE,
            True,
            True,
        ),
        "location_public": Kept(
            _l("whether that place may be published"), COORDINATORS, OFFER_LIFE
        ),
        "listed": Kept(
            _l("whether a pledge is listed in the public directory"), COORDINATORS, OFFER_LIFE
        ),
        "no_conditions": Kept(
            _l("the pledge's statement that it carries no conditions"), PUBLIC, OFFER_LIFE
        ),
    },
    "NeedHistory": {
        name: Kept(
            _l("what happened to a request and which role did it: never words"),
            COORDINATORS,
            NEED_LIFE,
        )
        for name in ("id", "need", "seq", "event", "actor_role", "created_at")
    },
    "Match": {
        name: Kept(
            _l(
                "which offer a request was matched with, its state, "
                "and whether you agreed to share your contact"
            ),
            COORDINATORS_AND_YOU,
            NEED_LIFE,
        )
        for name in (
            "id",
            "need",
            "offer",
            "organization",
            "status",
            "proposed_by_id",
            "contact_shared",
            "thread_from",
            "created_at",
            "decided_at",
        )
    },
    "Organization": {
        **{
            name: Kept(
                _l("allied organizations' profiles, worksheet answers and standing"),
                STAFF_ONLY,
                SETUP,
            )
            for name in (
                "id",
                "languages",
                "credit",
                "status",
                "worksheet",
                "no_strings_commitment",
                "invited",
                "notification_email",
                "areas",
                "created_at",
                "decided_at",
            )
        },
        # What the organization itself typed (nothing about community members).
        **{
            name: Kept(
                _l("allied organizations' profiles, worksheet answers and standing"),
                STAFF_ONLY,
                SETUP,
                free_text=True,
            )
            for name in ("name", "description", "public_contact", "worksheet_notes")
        },
    },
    "StaffUser": {
        name: Kept(
            _l(
                "staff accounts: username, argon2id password hash, "
                "encrypted second-factor key, role"
            ),
            STAFF_ONLY,
            SETUP,
            encrypted=name in ("totp_secret", "totp_pending"),
        )
        for name in (
            "id",
            "username",
            "password_hash",
            "role",
            "organization",
            "totp_secret",
            "totp_pending",
            "totp_last_step",
            "disabled",
            "is_demo",
            "failed_attempts",
            "locked_until",
            "created_at",
        )
    },
    "StaffSession": {
        name: Kept(_l("signed-in staff sessions (only a hash of the token)"), NOBODY, SESSION)
        for name in ("id", "token_hash", "staff", "stage", "created_at", "last_seen_at")
    },
    "UsedForm": {
        name: Kept(
            _l("a hash of each form's random id once it is sent, so it can't be sent twice"),
            NOBODY,
            USED_FORM,
        )
        for name in ("digest", "seen_at")
    },
    "Invitation": {
        name: Kept(
            _l("one-time invitation links for organizations (only a hash of the link)"),
            NOBODY,
            SESSION,
        )
        for name in (
            "id",
            "token_hash",
            "kind",
            "organization",
            "created_by_id",
            "expires_at",
            "used_at",
        )
    },
    "AuditEvent": {
        name: Kept(
            _l("which staff member did what to which record, and the hour: never words"),
            STAFF_ONLY,
            AUDIT,
        )
        for name in ("id", "staff_id", "action", "record_type", "record_id", "created_at")
    },
    "Area": {
        name: Kept(_l("the list of rough areas, set by coordinators"), PUBLIC, SETUP)
        for name in ("id", "slug", "name", "group", "position", "active", "neighbours")
    },
    "Category": {
        name: Kept(_l("the list of kinds of help, set by coordinators"), PUBLIC, SETUP)
        for name in ("id", "slug", "name", "position", "active")
    },
    "QueueTally": {
        name: Kept(
            _l(
                "how many requests in the coordinators' queue share a status, urgency, kind, "
                "area and language, so the queue can show its counts quickly: never about "
                "what anyone wrote"
            ),
            COORDINATORS,
            QUEUE_COUNT,
        )
        for name in ("id", "status", "urgency", "category", "area", "language", "n")
    },
    "Counter": {
        name: Kept(
            _l("running totals by month, kind and rough area group: never about one person"),
            AGGREGATE,
            FOREVER_AGGREGATE,
        )
        for name in ("id", "period", "metric", "category", "area_group", "source_kind", "value")
    },
    # Money (R21): what, when and to which fund; never a giver's name, email or card, and
    # never who received help. Stripe holds the giver's payment details, not us.
    "Gift": {
        "id": Kept(
            _l("a random number, the only thing Stripe is told about a gift"),
            COORDINATORS,
            GIFT_LIFE,
        ),
        "frequency": Kept(_l("once or monthly"), COORDINATORS, GIFT_LIFE),
        "amount": Kept(_l("how much each payment is"), COORDINATORS, GIFT_LIFE),
        "currency": Kept(_l("the currency"), COORDINATORS, GIFT_LIFE),
        "designation": Kept(_l("the fund it goes to"), COORDINATORS, GIFT_LIFE),
        "source_kind": Kept(
            _l("whether a person or an organization gave"), COORDINATORS, GIFT_LIFE
        ),
        "organization": Kept(_l("the organization that gave, if one did"), COORDINATORS, GIFT_LIFE),
        "credited": Kept(
            _l("whether reports may thank the organization by name"), COORDINATORS, GIFT_LIFE
        ),
        "status": Kept(_l("started, processing, paid or failed"), COORDINATORS, GIFT_LIFE),
        "checkout_session_id": Kept(
            _l("Stripe's id for the payment page, to match its notices"), COORDINATORS, GIFT_LIFE
        ),
        "subscription_id": Kept(
            _l("Stripe's id for a monthly gift, to match its notices"), COORDINATORS, GIFT_LIFE
        ),
        "created_at": Kept(_l("when it was started, to the hour"), COORDINATORS, GIFT_LIFE),
    },
    "GiftPayment": {
        name: Kept(
            _l("money received for a gift, and any refund or dispute: amounts and Stripe's ids"),
            COORDINATORS,
            LEDGER,
        )
        for name in (
            "id",
            "gift",
            "stripe_ref",
            "payment_intent_id",
            "charge_id",
            "amount",
            "refunded",
            "disputed",
            "paid_at",
        )
    },
    "StripeEvent": {
        name: Kept(
            _l("the id and type of each payment notice already handled, so none counts twice"),
            NOBODY,
            STRIPE_NOTICE,
        )
        for name in ("id", "type", "received_at")
    },
    "Disbursement": {
        "id": Kept(_l("a random number for each payment out"), COORDINATORS, LEDGER),
        "amount": Kept(_l("how much was paid out"), COORDINATORS, LEDGER),
        "currency": Kept(_l("the currency"), COORDINATORS, LEDGER),
        "designation": Kept(_l("the fund it came from"), COORDINATORS, LEDGER),
        "paid_on": Kept(_l("the day it was paid"), COORDINATORS, LEDGER),
        "method": Kept(_l("cash, gift card, bill paid or other"), COORDINATORS, LEDGER),
        "need": Kept(
            _l("the request it helped with; removed when that request is deleted"),
            COORDINATORS,
            NEED_LIFE,
        ),
        "overdrawn": Kept(
            _l("whether it was recorded past the fund's balance"), COORDINATORS, LEDGER
        ),
        "recorded_by_id": Kept(_l("which coordinator recorded it"), COORDINATORS, LEDGER),
        "created_at": Kept(_l("when it was recorded, to the hour"), COORDINATORS, LEDGER),
    },
    "JobRun": {
        name: Kept(
            _l("receipts of the scheduled jobs: which job, the hour, and counts, never content"),
            STAFF_ONLY,
            AUDIT,
        )
        for name in ("id", "job", "slot", "ran_at", "finished", "counts")
    },
    "PublishedReport": {
        name: Kept(
            _l("monthly reports as published, with their fingerprint: totals only"),
            PUBLIC,
            FOREVER_AGGREGATE,
        )
        for name in ("id", "period", "body", "content_hash", "published_at")
    },
}

#: Each model's name for people, as the /privacy page and the holdings export title it.
TABLE_NAMES = {
    "Need": _l("Requests for help"),
    "Message": _l("Messages"),
    "Offer": _l("Offers of help"),
    "Area": _l("Areas"),
    "Category": _l("Kinds of help"),
    "Counter": _l("Totals for reports"),
    "QueueTally": _l("Counts for the coordinators' queue"),
    "NeedHistory": _l("What happened to each request"),
    "Match": _l("Matches"),
    "Organization": _l("Allied organizations"),
    "StaffUser": _l("Staff accounts"),
    "StaffSession": _l("Staff sessions"),
    "Invitation": _l("Invitation links"),
    "UsedForm": _l("Forms already sent"),
    "AuditEvent": _l("Staff activity log"),
    "Gift": _l("Gifts of money"),
    "GiftPayment": _l("Payments received"),
    "StripeEvent": _l("Payment notices already handled"),
    "Disbursement": _l("Money paid out"),
    "JobRun": _l("Scheduled job receipts"),
    "PublishedReport": _l("Published monthly reports"),
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
    SESSION: _l("until it is used, expires or is signed out; dead ones are purged"),
    USED_FORM: _l("deleted within two hours"),
    AUDIT: _l("deleted after %(audit)s days"),
    LEDGER: _l(
        "kept as the funds' bookkeeping record, for as long as the group must keep its "
        "accounts; it never holds a giver's name, email or card, nor who was helped"
    ),
    GIFT_LIFE: _l(
        "kept with its payments as the funds' bookkeeping record. A gift never paid is "
        "deleted %(abandoned_gift_days)s days after it was started, or %(unsettled_gift_days)s "
        "days if it was still waiting for a bank payment or a first monthly payment"
    ),
    STRIPE_NOTICE: _l(
        "deleted after %(stripe_event_days)s days, when Stripe can no longer send the same "
        "notice again"
    ),
    QUEUE_COUNT: _l("a request stops being counted the moment it leaves the queue"),
}


def retention_texts(*, closed_days: int, expiry_days: int, audit_days: int) -> dict[str, str]:
    """How long each kind of record is kept, in the reader's language, with the live
    settings (days after closing, days to expiry, audit days) filled in."""
    fill = {
        "retention": closed_days,
        "expiry": expiry_days,
        "audit": audit_days,
        "stripe_event_days": money.STRIPE_EVENT_DAYS,
        "abandoned_gift_days": money.ABANDONED_GIFT_DAYS,
        "unsettled_gift_days": money.UNSETTLED_GIFT_DAYS,
    }
    return {key: str(text) % fill for key, text in RETENTION.items()}
