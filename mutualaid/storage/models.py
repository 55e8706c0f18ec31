"""Tortoise models: what is stored, and (in each field's doc) why it may be."""

from __future__ import annotations

import secrets
import uuid

from tortoise import fields
from tortoise.indexes import Index
from tortoise.models import Model

from mutualaid.storage.fields import EncryptedTextField


def random_id() -> uuid.UUID:
    """128 random bits for every id that can appear in a URL (never sequential)."""
    return uuid.UUID(bytes=secrets.token_bytes(16))


class Area(Model):
    """A coarse place (a neighbourhood), never an address."""

    id = fields.UUIDField(primary_key=True, default=random_id)
    #: Stable short name used in forms and counters.
    slug = fields.CharField(max_length=60, unique=True)
    #: The name people see.
    name = fields.CharField(max_length=120)
    #: The coarse group used in public reports (privacy promise 6).
    group = fields.CharField(max_length=60)
    position = fields.IntField(default=0)
    active = fields.BooleanField(default=True)
    #: Areas close enough that help from one reaches the other.
    neighbours: fields.ManyToManyRelation[Area] = fields.ManyToManyField(
        "models.Area",
        related_name="neighbour_of",
        through="area_neighbour",
        forward_key="neighbour_id",
        backward_key="area_id",
    )

    class Meta:
        table = "area"
        ordering = ["position", "name"]


class Category(Model):
    """A kind of need: the built-in ones, or one coordinators added."""

    id = fields.UUIDField(primary_key=True, default=random_id)
    slug = fields.CharField(max_length=60, unique=True)
    #: Coordinators' own name for a custom category; built-ins are named by translation.
    name = fields.CharField(max_length=120, default="")
    position = fields.IntField(default=0)
    active = fields.BooleanField(default=True)

    class Meta:
        table = "category"
        ordering = ["position", "slug"]


class Need(Model):
    """Something a community member asked for, known only by its codename."""

    id = fields.UUIDField(primary_key=True, default=random_id)
    #: HMAC-SHA256 of the codename under a key kept outside the database (promise 3).
    codename_hash = fields.CharField(max_length=64, unique=True)
    category: fields.ForeignKeyRelation[Category] = fields.ForeignKeyField(
        "models.Category", related_name="needs", on_delete=fields.RESTRICT
    )
    area: fields.ForeignKeyRelation[Area] = fields.ForeignKeyField(
        "models.Area", related_name="needs", on_delete=fields.RESTRICT
    )
    #: now | soon | flexible | window
    urgency = fields.CharField(max_length=12)
    window_start = fields.DateField(null=True)
    window_end = fields.DateField(null=True)
    #: What they need, in their words: encrypted (promise 4).
    description = EncryptedTextField(max_length=1000)
    #: How to reach them, only if they chose to say: encrypted, erased when the need closes.
    contact = EncryptedTextField(max_length=200, null=True)
    preferred_name = EncryptedTextField(max_length=60, null=True)
    pronouns = EncryptedTextField(max_length=40, null=True)
    #: The language they want to be answered in.
    language = fields.CharField(max_length=8)
    status = fields.CharField(max_length=12, default="open", db_default="open")
    #: Hour precision only (promise 2): never minutes or seconds.
    created_at = fields.DatetimeField()
    last_activity_at = fields.DatetimeField()
    closed_at = fields.DatetimeField(null=True)

    messages: fields.ReverseRelation[Message]

    class Meta:
        table = "need"
        indexes = [
            # The purge finds closed needs past retention by this, without scanning the table.
            Index(fields=("closed_at",), name="idx_need_closed"),
            # The queue's recent needs (age bands) read from the index alone: posting time
            # first after status, then every column a queue filter compares.
            Index(
                fields=("status", "created_at", "category_id", "area_id", "urgency", "language"),
                name="idx_need_recent",
            ),
            # One urgency's needs, newest first: a page of the queue reads only a page of rows
            # (with the filters' columns, so the rows a filter skips are never read).
            Index(
                fields=(
                    "urgency",
                    "created_at",
                    "id",
                    "status",
                    "category_id",
                    "area_id",
                    "language",
                ),
                name="idx_need_queue_order",
            ),
        ]


class Organization(Model):
    """An allied organization: public profile, worksheet answers, and its standing with us."""

    id = fields.UUIDField(primary_key=True, default=random_id)
    #: Public name, shown in the directory (and in reports only if credit is "name").
    name = fields.CharField(max_length=120)
    #: What they offer, in their words: public.
    description = fields.TextField()
    #: Front-door contact for the directory (never a confidential location).
    public_contact = fields.CharField(max_length=200)
    #: Language codes they can serve in, comma separated.
    languages = fields.CharField(max_length=120, default="", db_default="")
    #: name | anonymous: how reports may credit them.
    credit = fields.CharField(max_length=12, default="anonymous", db_default="anonymous")
    #: pending | approved | suspended
    status = fields.CharField(max_length=12, default="pending", db_default="pending")
    #: The no-strings worksheet (privacy promise 7): question key -> no | yes | unsure.
    worksheet: fields.Field[dict[str, str]] = fields.JSONField(default=dict)
    #: Anything they want coordinators to know about their funding and conditions.
    worksheet_notes = fields.TextField(default="")
    #: They committed that their aid carries no conditions.
    no_strings_commitment = fields.BooleanField(default=False, db_default=False)
    #: Invited by a coordinator rather than applying unprompted.
    invited = fields.BooleanField(default=False, db_default=False)
    #: Where staff notifications go (optional, off unless SMTP is configured): never public.
    notification_email = fields.CharField(max_length=200, null=True)
    areas: fields.ManyToManyRelation[Area] = fields.ManyToManyField(
        "models.Area", related_name="organizations", through="organization_area"
    )
    created_at = fields.DatetimeField()
    decided_at = fields.DatetimeField(null=True)

    class Meta:
        table = "organization"


class StaffUser(Model):
    """A coordinator, admin or organization member: the only people with accounts."""

    id = fields.UUIDField(primary_key=True, default=random_id)
    username = fields.CharField(max_length=60, unique=True)
    #: argon2id, OWASP parameters (promise 8).
    password_hash = fields.CharField(max_length=255)
    #: admin | coordinator | organization
    role = fields.CharField(max_length=16)
    organization: fields.ForeignKeyNullableRelation[Organization] = fields.ForeignKeyField(
        "models.Organization", related_name="members", null=True, on_delete=fields.CASCADE
    )
    #: TOTP secret, encrypted; set once the member confirms a code.
    totp_secret = EncryptedTextField(max_length=64, null=True)
    #: A secret offered during set-up, not yet confirmed.
    totp_pending = EncryptedTextField(max_length=64, null=True)
    #: The last TOTP time step accepted, so a code can't be used twice.
    totp_last_step = fields.BigIntField(null=True)
    disabled = fields.BooleanField(default=False, db_default=False)
    #: Demo accounts from `make run`; refused in production.
    is_demo = fields.BooleanField(default=False, db_default=False)
    #: Sign-in throttling per account.
    failed_attempts = fields.IntField(default=0, db_default=0)
    locked_until = fields.DatetimeField(null=True)
    created_at = fields.DatetimeField()

    class Meta:
        table = "staff_user"


class StaffSession(Model):
    """A signed-in staff member's session, kept on the server; the cookie holds only a token."""

    id = fields.UUIDField(primary_key=True, default=random_id)
    #: SHA-256 of the cookie's random token: a stolen database can't sign anyone in.
    token_hash = fields.CharField(max_length=64, unique=True)
    staff: fields.ForeignKeyRelation[StaffUser] = fields.ForeignKeyField(
        "models.StaffUser", related_name="sessions", on_delete=fields.CASCADE
    )
    #: password (second factor still due) | enrol (must set up TOTP) | full
    stage = fields.CharField(max_length=12)
    created_at = fields.DatetimeField()
    last_seen_at = fields.DatetimeField()

    class Meta:
        table = "staff_session"


class UsedForm(Model):
    """A form already sent (a double click, a reload, another worker): only a hash of the
    random id the page carried, to the hour, purged within a couple of hours."""

    digest = fields.CharField(max_length=64, primary_key=True)
    seen_at = fields.DatetimeField()

    class Meta:
        table = "used_form"
        indexes = [Index(fields=("seen_at",), name="idx_used_form_seen")]


class Invitation(Model):
    """A one-time link: for an organization to apply, or for a colleague to join one."""

    id = fields.UUIDField(primary_key=True, default=random_id)
    token_hash = fields.CharField(max_length=64, unique=True)
    #: organization (apply as invited) | member (join an organization)
    kind = fields.CharField(max_length=16)
    organization: fields.ForeignKeyNullableRelation[Organization] = fields.ForeignKeyField(
        "models.Organization", related_name="invitations", null=True, on_delete=fields.CASCADE
    )
    created_by_id = fields.UUIDField(null=True)
    expires_at = fields.DatetimeField()
    used_at = fields.DatetimeField(null=True)

    class Meta:
        table = "invitation"


class AuditEvent(Model):
    """What a staff member did to which record: never a community member's words (promise 8)."""

    id = fields.BigIntField(primary_key=True)
    staff_id = fields.UUIDField(null=True)
    action = fields.CharField(max_length=40)
    record_type = fields.CharField(max_length=24)
    record_id = fields.CharField(max_length=36)
    created_at = fields.DatetimeField()

    class Meta:
        table = "audit_event"
        indexes = [Index(fields=("created_at",), name="idx_audit_created")]


class Offer(Model):
    """Help on offer: anonymously from a community member (codename), or pledged by an
    organization."""

    id = fields.UUIDField(primary_key=True, default=random_id)
    #: HMAC of the offering member's codename; organizations' pledges have none.
    codename_hash = fields.CharField(max_length=64, unique=True, null=True)
    organization: fields.ForeignKeyNullableRelation[Organization] = fields.ForeignKeyField(
        "models.Organization", related_name="pledges", null=True, on_delete=fields.CASCADE
    )
    #: Public name of a pledged service, for the directory.
    title = fields.CharField(max_length=120, default="", db_default="")
    #: Public description of a pledged service, for the directory.
    public_description = fields.TextField(default="")
    #: Weekly opening hours: [{"day": 0-6, "opens": "HH:MM", "closes": "HH:MM"}].
    weekly_hours: fields.Field[list[dict[str, str | int]]] = fields.JSONField(default=list)
    #: The weekdays it is open, as bits (Monday = 1): 0 means no weekly hours (any day).
    #: Kept beside weekly_hours so matching can filter on it in SQL.
    open_days = fields.IntField(default=0, db_default=0)
    #: Where it happens. Published only when location_public; never for confidential places.
    location_note = EncryptedTextField(max_length=200, null=True)
    location_public = fields.BooleanField(default=False, db_default=False)
    #: Listed in the public directory (organization pledges only; never community offers).
    listed = fields.BooleanField(default=False, db_default=False)
    #: The pledge states that it carries no conditions (promise 7).
    no_conditions = fields.BooleanField(default=False, db_default=False)
    #: community | organization
    source_kind = fields.CharField(max_length=16, default="community", db_default="community")
    #: goods | service | ride | space
    kind = fields.CharField(max_length=12)
    category: fields.ForeignKeyRelation[Category] = fields.ForeignKeyField(
        "models.Category", related_name="offers", on_delete=fields.RESTRICT
    )
    areas: fields.ManyToManyRelation[Area] = fields.ManyToManyField(
        "models.Area", related_name="offers", through="offer_area"
    )
    #: How many times it can be used, and how many are left.
    capacity = fields.IntField()
    capacity_left = fields.IntField()
    available_from = fields.DateField()
    available_until = fields.DateField(null=True)
    #: Details in the offerer's words: encrypted.
    notes = EncryptedTextField(max_length=500, null=True)
    language = fields.CharField(max_length=8)
    #: active | paused | ended
    status = fields.CharField(max_length=12, default="active", db_default="active")
    created_at = fields.DatetimeField()
    last_activity_at = fields.DatetimeField()
    closed_at = fields.DatetimeField(null=True)

    class Meta:
        table = "offer"
        indexes = [
            # Suggestions: one category's live offers in `available_from, id` order (so the
            # database stops after the first candidates), with every other hard-filter column,
            # so SQLite never reads the table rows while filtering.
            Index(
                fields=(
                    "status",
                    "category_id",
                    "available_from",
                    "id",
                    "capacity_left",
                    "available_until",
                    "open_days",
                    "organization_id",
                ),
                name="idx_offer_admitted",
            )
        ]


class Message(Model):
    """One message in a need's thread; deleted with the need."""

    id = fields.UUIDField(primary_key=True, default=random_id)
    need: fields.ForeignKeyRelation[Need] = fields.ForeignKeyField(
        "models.Need", related_name="messages", on_delete=fields.CASCADE
    )
    #: Order within the thread (times are only kept to the hour).
    seq = fields.IntField()
    #: member | coordinator | organization: a role, never a person's name.
    author_role = fields.CharField(max_length=16)
    body = EncryptedTextField(max_length=2000)
    created_at = fields.DatetimeField()

    class Meta:
        table = "message"
        unique_together = (("need", "seq"),)
        ordering = ["seq"]


class NeedHistory(Model):
    """What happened to a need, for coordinators: events and roles, never words or names."""

    id = fields.UUIDField(primary_key=True, default=random_id)
    need: fields.ForeignKeyRelation[Need] = fields.ForeignKeyField(
        "models.Need", related_name="history", on_delete=fields.CASCADE
    )
    seq = fields.IntField()
    #: posted | proposed | accepted | declined | consented | fulfilled | unmet | withdrawn | ...
    event = fields.CharField(max_length=24)
    #: member | coordinator | organization | offerer | system
    actor_role = fields.CharField(max_length=16)
    created_at = fields.DatetimeField()

    class Meta:
        table = "need_history"
        unique_together = (("need", "seq"),)
        ordering = ["seq"]


class Match(Model):
    """A need paired with an offer: proposed by a coordinator, accepted or declined by the
    helper, and the member's consent to share their contact with that helper."""

    id = fields.UUIDField(primary_key=True, default=random_id)
    need: fields.ForeignKeyRelation[Need] = fields.ForeignKeyField(
        "models.Need", related_name="matches", on_delete=fields.CASCADE
    )
    #: The offer; null once a community offer is erased by its holder.
    offer: fields.ForeignKeyNullableRelation[Offer] = fields.ForeignKeyField(
        "models.Offer", related_name="matches", null=True, on_delete=fields.SET_NULL
    )
    #: Kept for access checks: the organization that may see this need (null: a community offer).
    organization: fields.ForeignKeyNullableRelation[Organization] = fields.ForeignKeyField(
        "models.Organization", related_name="matches", null=True, on_delete=fields.CASCADE
    )
    #: proposed | accepted | declined | fulfilled | cancelled
    status = fields.CharField(max_length=12)
    proposed_by_id = fields.UUIDField(null=True)
    #: The member agreed that this helper may see their contact details.
    contact_shared = fields.BooleanField(default=False, db_default=False)
    #: How many messages the thread held when this match was proposed: its helper reads only
    #: the later ones, never what the member told coordinators (or an earlier helper) before.
    thread_from = fields.IntField(default=0, db_default=0)
    created_at = fields.DatetimeField()
    decided_at = fields.DatetimeField(null=True)

    class Meta:
        table = "match"
        indexes = [
            Index(fields=("organization_id", "status"), name="idx_match_org_status"),
            # Deleting a need's matches (erasure and the purge) looks them up by need.
            Index(fields=("need_id",), name="idx_match_need"),
            # Deleting an offer sets its matches' offer to null: SQLite's foreign-key action
            # finds them here instead of reading the whole table.
            Index(fields=("offer_id",), name="idx_match_offer"),
        ]


class QueueTally(Model):
    """Needs in the coordinators' queue, counted by status, urgency, category, area, language.

    Moved in the same transaction as every need entering, moving within or leaving the queue
    (services.queue_tally), so the queue's counts never recount the needs themselves.
    """

    id = fields.BigIntField(primary_key=True)
    #: open | matched (the queue's statuses).
    status = fields.CharField(max_length=12)
    urgency = fields.CharField(max_length=12)
    category: fields.ForeignKeyRelation[Category] = fields.ForeignKeyField(
        "models.Category", related_name="queue_tallies", on_delete=fields.RESTRICT
    )
    area: fields.ForeignKeyRelation[Area] = fields.ForeignKeyField(
        "models.Area", related_name="queue_tallies", on_delete=fields.RESTRICT
    )
    language = fields.CharField(max_length=8)
    #: Needs in the queue with these five values now (zero once they all left).
    n = fields.BigIntField(default=0, db_default=0)

    class Meta:
        table = "queue_tally"
        unique_together = (("status", "urgency", "category", "area", "language"),)


class Counter(Model):
    """An aggregate count, moved in the same transaction as the event (promise 6)."""

    id = fields.BigIntField(primary_key=True)
    #: Calendar month, `YYYY-MM`.
    period = fields.CharField(max_length=7)
    metric = fields.CharField(max_length=40)
    category = fields.CharField(max_length=60, default="", db_default="")
    area_group = fields.CharField(max_length=60, default="", db_default="")
    source_kind = fields.CharField(max_length=16, default="", db_default="")
    value = fields.BigIntField(default=0, db_default=0)

    class Meta:
        table = "counter"
        unique_together = (("period", "metric", "category", "area_group", "source_kind"),)


class Gift(Model):
    """A gift started on the giving page: what, how often and to which fund; never who (R21).

    Its random id is the only identifier Stripe is given (as the `pledge_id` metadata).
    """

    id = fields.UUIDField(primary_key=True, default=random_id)
    #: once | monthly
    frequency = fields.CharField(max_length=8)
    #: Each payment, in the currency's minor units.
    amount = fields.IntField()
    currency = fields.CharField(max_length=3)
    #: "general" or a category slug.
    designation = fields.CharField(max_length=60)
    #: individual | organization
    source_kind = fields.CharField(max_length=16)
    #: The pledging organization (organizations only); the gift stays if it is removed.
    organization: fields.ForeignKeyNullableRelation[Organization] = fields.ForeignKeyField(
        "models.Organization", related_name="gifts", null=True, on_delete=fields.SET_NULL
    )
    organization_id: uuid.UUID | None
    #: The organization chose to be credited by name in reports.
    credited = fields.BooleanField(default=False, db_default=False)
    #: started | processing | paid | failed
    status = fields.CharField(max_length=12, default="started", db_default="started")
    #: Stripe's Checkout Session id (cs_...), to recognise its events.
    checkout_session_id = fields.CharField(max_length=255, unique=True, null=True)
    #: Stripe's subscription id (sub_...) of a monthly gift.
    subscription_id = fields.CharField(max_length=255, unique=True, null=True)
    #: Hour precision, like every other time we keep.
    created_at = fields.DatetimeField()

    payments: fields.ReverseRelation[GiftPayment]

    class Meta:
        table = "gift"


class GiftPayment(Model):
    """Money in: one paid one-time gift or one paid monthly invoice, with what went back."""

    id = fields.UUIDField(primary_key=True, default=random_id)
    gift: fields.ForeignKeyRelation[Gift] = fields.ForeignKeyField(
        "models.Gift", related_name="payments", on_delete=fields.RESTRICT
    )
    gift_id: uuid.UUID
    #: What was paid: the Checkout Session (one-time) or the invoice (monthly). Unique, so
    #: the same payment reported by two events (invoice.paid, invoice.payment_succeeded) or
    #: delivered twice counts once.
    stripe_ref = fields.CharField(max_length=255, unique=True)
    #: Stripe's PaymentIntent and charge ids, to find the payment a refund or dispute is about.
    payment_intent_id = fields.CharField(max_length=255, null=True, db_index=True)
    charge_id = fields.CharField(max_length=255, null=True, db_index=True)
    amount = fields.IntField()
    refunded = fields.IntField(default=0, db_default=0)
    disputed = fields.IntField(default=0, db_default=0)
    paid_at = fields.DatetimeField()

    class Meta:
        table = "gift_payment"


class StripeEvent(Model):
    """A Stripe event we applied, kept so a redelivery is applied once (written in the same
    transaction as its effect)."""

    id = fields.CharField(max_length=255, primary_key=True)
    type = fields.CharField(max_length=80)
    received_at = fields.DatetimeField()

    class Meta:
        table = "stripe_event"


class Disbursement(Model):
    """Money out, recorded by a coordinator: never who received it."""

    id = fields.UUIDField(primary_key=True, default=random_id)
    amount = fields.IntField()
    currency = fields.CharField(max_length=3)
    #: The fund it came from: "general" or a category slug.
    designation = fields.CharField(max_length=60)
    paid_on = fields.DateField()
    #: cash | gift_card | bill_paid | other
    method = fields.CharField(max_length=16)
    #: The request it helped with; removed (set null) when the request is purged.
    need: fields.ForeignKeyNullableRelation[Need] = fields.ForeignKeyField(
        "models.Need", related_name="disbursements", null=True, on_delete=fields.SET_NULL
    )
    need_id: uuid.UUID | None
    #: Recorded past the fund's balance with an explicit override (also audited).
    overdrawn = fields.BooleanField(default=False, db_default=False)
    recorded_by_id = fields.UUIDField(null=True)
    created_at = fields.DatetimeField()

    class Meta:
        table = "disbursement"
        indexes = [
            # Deleting a need sets its disbursements' need to null: without this index,
            # SQLite's foreign-key action reads the whole table for every need the purge deletes.
            Index(fields=("need_id",), name="idx_disbursement_need"),
        ]


class JobRun(Model):
    """One run of a scheduled job, claimed before it starts so that it runs once; a purge's
    row is its receipt. Counts only: never what was deleted."""

    id = fields.BigIntField(primary_key=True)
    #: The job's name in JOBS.
    job = fields.CharField(max_length=40)
    #: The schedule slot this run is for (the cron fire time), or a random token for a run
    #: started by hand; unique per job, which is what makes each slot run once.
    slot = fields.CharField(max_length=40)
    #: Hour precision, like every other time we keep.
    ran_at = fields.DatetimeField()
    finished = fields.BooleanField(default=False, db_default=False)
    #: What the run did, as counts: {"needs": 3, "messages": 12, ...}.
    counts: fields.Field[dict[str, int]] = fields.JSONField(default=dict)

    class Meta:
        table = "job_run"
        unique_together = (("job", "slot"),)


class PublishedReport(Model):
    """A month's transparency report, frozen when published: later counter changes never
    alter it (privacy promise 6)."""

    id = fields.BigIntField(primary_key=True)
    #: Calendar month, `YYYY-MM`.
    period = fields.CharField(max_length=7, unique=True)
    #: The report exactly as published (canonical JSON); served byte for byte.
    body = fields.TextField()
    #: SHA-256 of `body`, shown on the report so anyone can check a copy.
    content_hash = fields.CharField(max_length=64)
    published_at = fields.DatetimeField()

    class Meta:
        table = "published_report"
