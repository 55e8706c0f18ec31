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
        indexes = [Index(fields=("status", "created_at"), name="idx_need_status_created")]


class Offer(Model):
    """Help on offer: from a community member (anonymously, by codename) for now."""

    id = fields.UUIDField(primary_key=True, default=random_id)
    #: HMAC of the offering member's codename; organizations' pledges have none.
    codename_hash = fields.CharField(max_length=64, unique=True, null=True)
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
        indexes = [Index(fields=("status", "category_id"), name="idx_offer_status_category")]


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
