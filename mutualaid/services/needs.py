"""Community members' needs: post, follow, talk, withdraw, erase."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, datetime
from functools import partial
from typing import Any

from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.expressions import F
from tortoise.transactions import in_transaction

from mutualaid.domain import needs as rules
from mutualaid.domain.catalog import category_label
from mutualaid.domain.clock import this_hour
from mutualaid.domain.errors import InvalidTransition, UnknownChoice
from mutualaid.domain.match_rules import OPEN as OPEN_MATCH
from mutualaid.domain.match_rules import MatchStatus
from mutualaid.services.catalog import NeedPlace, PlaceChanged, need_place, still_so
from mutualaid.services.codenames import write_under_new_codename
from mutualaid.services.counters import bump, bump_writes
from mutualaid.services.erasure import delete_needs
from mutualaid.services.history import history_write, record_history
from mutualaid.services.queue_tally import move_in_queue, place_of, tally_writes
from mutualaid.storage.db import checkpoint, connection
from mutualaid.storage.models import Match, Message, Need, Offer
from mutualaid.storage.rows import python_value
from mutualaid.storage.writes import Write, in_dialect, insert_of

MAX_MESSAGE_CHARS = 2000


@dataclass(frozen=True)
class ThreadMessage:
    author_role: str
    body: str
    created_at: datetime


@dataclass(frozen=True)
class MemberNeedView:
    """What the holder of a need's codename sees about it."""

    id: uuid.UUID
    status: rules.NeedStatus
    category: str
    area: str
    urgency: rules.Urgency
    window_start: date | None
    window_end: date | None
    description: str
    contact: str | None
    preferred_name: str | None
    pronouns: str | None
    language: str
    created_at: datetime
    messages: tuple[ThreadMessage, ...]

    @property
    def is_active(self) -> bool:
        return self.status in rules.ACTIVE


async def post_need(
    draft: rules.NeedDraft, *, codename_key: bytes, form_id: str | None = None
) -> str:
    """Store a need and return its codename: shown once, never stored.

    The busiest write there is, so it is sent as statements: the form's claim, a check of
    its category and area, the need, its place in the queue's tally, its first history
    event and its counter, as one transaction (one trip on SQLite). The category and area
    are read once per pair (services.catalog.need_place) and checked in every post."""
    hour = this_hour()

    def writes(place: NeedPlace, digest: str) -> list[Write]:
        need = Need(
            codename_hash=digest,
            category_id=place.category_id,
            area_id=place.area_id,
            urgency=draft.urgency.value,
            window_start=draft.window_start,
            window_end=draft.window_end,
            description=draft.description,
            contact=draft.contact,
            preferred_name=draft.preferred_name,
            pronouns=draft.pronouns,
            language=draft.language,
            status=rules.NeedStatus.OPEN.value,
            created_at=hour,
            last_activity_at=hour,
        )
        return [
            still_so(place),
            insert_of(need),
            *tally_writes(None, place_of(need)),
            history_write(need.id, 1, "posted", "member"),
            *bump_writes(
                (rules.METRIC_POSTED,),
                when=hour,
                category=place.category,
                area_group=place.area_group,
                source_kind="community",
            ),
        ]

    for fresh in (False, True):
        # A coordinator may have changed the catalogue since this pair was read; the
        # transaction's check says so, and the pair is read again.
        place = await need_place(draft.category, draft.area, fresh=fresh)
        try:
            return await write_under_new_codename(
                partial(writes, place), codename_key=codename_key, form_id=form_id
            )
        except PlaceChanged:
            continue
    raise UnknownChoice("category")  # changed again as we read it: the person chooses again


# The need, its category and area, and its thread, in one statement: this runs on every
# codename check, where four ORM reads were most of the page's time.
_MEMBER_VIEW = (
    'SELECT "n"."id", "n"."status", "n"."urgency", "n"."window_start", "n"."window_end", '
    '"n"."description", "n"."contact", "n"."preferred_name", "n"."pronouns", "n"."language", '
    '"n"."created_at", "c"."slug" AS "category_slug", "c"."name" AS "category_name", '
    '"a"."name" AS "area_name", "m"."seq" AS "m_seq", "m"."author_role" AS "m_role", '
    '"m"."body" AS "m_body", "m"."created_at" AS "m_created_at" '
    'FROM "need" AS "n" JOIN "category" AS "c" ON "c"."id" = "n"."category_id" '
    'JOIN "area" AS "a" ON "a"."id" = "n"."area_id" '
    'LEFT JOIN "message" AS "m" ON "m"."need_id" = "n"."id" '
    'WHERE "n"."codename_hash" = ? ORDER BY "m"."seq"'
)


async def member_view_by_codename_hash(digest: str) -> MemberNeedView | None:
    """What the holder of a codename sees, or None."""
    conn = connection()
    _, rows = await conn.execute_query(
        in_dialect(_MEMBER_VIEW, conn.capabilities.dialect), [digest]
    )
    if not rows:
        return None
    first = rows[0]

    def need(name: str) -> Any:
        return python_value(Need, name, first[name])

    messages = tuple(
        ThreadMessage(
            row["m_role"],
            python_value(Message, "body", row["m_body"]),
            python_value(Message, "created_at", row["m_created_at"]),
        )
        for row in rows
        if row["m_seq"] is not None
    )
    return MemberNeedView(
        id=need("id"),
        status=rules.NeedStatus(first["status"]),
        category=category_label(first["category_slug"], first["category_name"]),
        area=first["area_name"],
        urgency=rules.Urgency(first["urgency"]),
        window_start=need("window_start"),
        window_end=need("window_end"),
        description=need("description"),
        contact=need("contact"),
        preferred_name=need("preferred_name"),
        pronouns=need("pronouns"),
        language=first["language"],
        created_at=need("created_at"),
        messages=messages,
    )


async def _locked(conn: BaseDBAsyncClient, need_id: uuid.UUID) -> Need:
    return await Need.filter(id=need_id).select_for_update().using_db(conn).get()


async def release_open_match(
    conn: BaseDBAsyncClient, need_id: uuid.UUID, status: MatchStatus
) -> None:
    """End a need's open match; unless it was fulfilled, its unit goes back to the offer."""
    match = (
        await Match.filter(need_id=need_id, status__in=[s.value for s in OPEN_MATCH])
        .select_for_update()
        .using_db(conn)
        .first()
    )
    if match is None:
        return
    match.status = status.value
    match.decided_at = this_hour()
    await match.save(using_db=conn, update_fields=["status", "decided_at"])
    offer_id = match.offer_id  # type: ignore[attr-defined]
    if offer_id is not None and status is not MatchStatus.FULFILLED:
        await Offer.filter(id=offer_id).using_db(conn).update(capacity_left=F("capacity_left") + 1)


async def apply_event(conn: BaseDBAsyncClient, need: Need, event: rules.NeedEvent) -> Need:
    """The one way a need changes status: the rule, the counters, the erasures, and the end
    of its match when it closes, together."""
    await need.fetch_related("category", "area", using_db=conn)
    moved = rules.step(rules.NeedStatus(need.status), event)
    if moved.status in rules.CLOSED:
        ended = MatchStatus.FULFILLED if event is rules.NeedEvent.FULFIL else MatchStatus.CANCELLED
        await release_open_match(conn, need.id, ended)
    hour = this_hour()
    await move_in_queue(conn, place_of(need), place_of(need, status=moved.status.value))
    need.status = moved.status.value
    need.last_activity_at = hour
    fields = ["status", "last_activity_at"]
    if moved.status in rules.CLOSED:
        # Privacy promise 4: contact details are erased the moment a need closes.
        need.contact = None
        need.closed_at = hour
        fields += ["contact", "closed_at"]
    await need.save(using_db=conn, update_fields=fields)
    await bump(
        conn,
        moved.metrics + rules.time_metrics(event, posted=need.created_at, at=hour),
        when=hour,
        category=need.category.slug,
        area_group=need.area.group,
        source_kind="community",
    )
    return need


async def withdraw_need(need_id: uuid.UUID) -> None:
    async with in_transaction() as conn:
        need = await _locked(conn, need_id)
        await apply_event(conn, need, rules.NeedEvent.WITHDRAW)
        await record_history(conn, need.id, "withdrawn", "member")
    await checkpoint()  # the erased contact must not linger in the WAL


async def erase_need(need_id: uuid.UUID) -> None:
    """Delete a need and its thread now, counting it as withdrawn if it was still active."""
    async with in_transaction() as conn:
        need = await Need.filter(id=need_id).select_for_update().using_db(conn).first()
        if need is None:
            return
        await need.fetch_related("category", "area", using_db=conn)
        await move_in_queue(conn, place_of(need), None)
        await bump(
            conn,
            rules.erase_metrics(rules.NeedStatus(need.status)),
            when=this_hour(),
            category=need.category.slug,
            area_group=need.area.group,
            source_kind="community",
        )
        await release_open_match(conn, need.id, MatchStatus.CANCELLED)
        await delete_needs(conn, [need.id])  # the purge's own path (promise 5)
    await checkpoint()


async def thread_length(conn: BaseDBAsyncClient, need_id: uuid.UUID) -> int:
    """The last message's number in a need's thread (0 when it has none)."""
    last = await (
        Message.filter(need_id=need_id)
        .using_db(conn)
        .order_by("-seq")
        .limit(1)
        .values_list("seq", flat=True)
    )
    return int(last[0]) if last else 0  # type: ignore[call-overload]


async def add_message(need_id: uuid.UUID, *, author_role: str, body: str) -> None:
    """Append to a need's thread; closed needs take no more messages."""
    async with in_transaction() as conn:
        need = await _locked(conn, need_id)
        if need.status not in rules.ACTIVE:
            raise InvalidTransition("closed needs take no messages")
        hour = this_hour()
        await Message.create(
            need_id=need.id,
            seq=await thread_length(conn, need.id) + 1,
            author_role=author_role,
            body=body,
            created_at=hour,
            using_db=conn,
        )
        need.last_activity_at = hour
        await need.save(using_db=conn, update_fields=["last_activity_at"])
