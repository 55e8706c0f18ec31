"""Posting, following, withdrawing and erasing needs against the real database."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta

import pytest
import time_machine

from mutualaid.domain.codenames import codename_hash
from mutualaid.domain.errors import InvalidTransition, UnknownChoice
from mutualaid.domain.needs import NeedStatus, Urgency
from mutualaid.services.needs import add_message, erase_need, post_need, withdraw_need
from mutualaid.storage.models import Category, Counter, Message, Need
from tests.services.conftest import HOUR, MOMENT, counters, need_draft


async def _need(codename: str, key: bytes) -> Need:
    return await Need.get(codename_hash=codename_hash(codename, key))


async def test_post_need_keeps_only_the_hour(key: bytes) -> None:
    with time_machine.travel(MOMENT, tick=False):
        codename = await post_need(need_draft(), codename_key=key)
    need = await _need(codename, key)
    assert need.created_at == HOUR
    assert need.last_activity_at == HOUR
    assert need.closed_at is None
    assert need.status == NeedStatus.OPEN.value


async def test_post_need_stores_the_draft_and_not_the_codename(key: bytes) -> None:
    draft = need_draft(
        urgency=Urgency.WINDOW,
        window_start=datetime(2031, 5, 20, tzinfo=UTC).date(),
        window_end=datetime(2031, 5, 22, tzinfo=UTC).date(),
        language="es",
    )
    codename = await post_need(draft, codename_key=key)
    need = await _need(codename, key)
    await need.fetch_related("category", "area")
    assert need.category.slug == "food"
    assert need.area.slug == "downtown"
    assert (need.description, need.contact) == (draft.description, draft.contact)
    assert (need.preferred_name, need.pronouns) == (draft.preferred_name, draft.pronouns)
    assert (need.window_start, need.window_end) == (draft.window_start, draft.window_end)
    assert need.urgency == "window"
    assert need.language == "es"
    assert need.codename_hash != codename
    assert codename not in need.codename_hash


async def test_post_need_counts_it_for_the_right_month_category_and_area_group(
    key: bytes,
) -> None:
    with time_machine.travel(MOMENT, tick=False):
        await post_need(need_draft(), codename_key=key)
        await post_need(need_draft(), codename_key=key)
        await post_need(need_draft(category="housing", area="eastside"), codename_key=key)
    assert await counters() == {
        ("needs_posted", "food", "Central", "community"): 2,
        ("needs_posted", "housing", "East", "community"): 1,
    }
    # The month before and after saw nothing.
    assert await counters("2031-04") == {}
    assert await counters("2031-06") == {}


async def test_each_post_gets_its_own_codename(key: bytes) -> None:
    codenames = {await post_need(need_draft(), codename_key=key) for _ in range(5)}
    assert len(codenames) == 5
    assert await Need.all().count() == 5


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"category": "no-such-kind"}, "category"),
        ({"area": "atlantis"}, "area"),
        ({"category": ""}, "category"),
        ({"area": ""}, "area"),
    ],
)
async def test_unknown_choices_are_refused_and_nothing_is_stored(
    key: bytes, overrides: dict[str, str], field: str
) -> None:
    before = await Counter.all().count()
    with pytest.raises(UnknownChoice) as refused:
        await post_need(need_draft(**overrides), codename_key=key)
    assert refused.value.field == field
    assert await Need.all().count() == 0
    assert await Counter.all().count() == before


async def test_an_inactive_category_is_an_unknown_choice(key: bytes) -> None:
    await Category.filter(slug="childcare").update(active=False)
    with pytest.raises(UnknownChoice):
        await post_need(need_draft(category="childcare"), codename_key=key)
    assert await Need.all().count() == 0


async def test_withdraw_closes_erases_contact_and_counts(key: bytes) -> None:
    with time_machine.travel(MOMENT, tick=False):
        codename = await post_need(need_draft(), codename_key=key)
    later = MOMENT + timedelta(hours=5, minutes=3)
    with time_machine.travel(later, tick=False):
        await withdraw_need((await _need(codename, key)).id)
    need = await _need(codename, key)
    assert need.status == NeedStatus.WITHDRAWN.value
    assert need.contact is None
    assert need.closed_at == HOUR + timedelta(hours=5)
    assert need.last_activity_at == HOUR + timedelta(hours=5)
    # What the member said stays until retention; only the contact goes at once.
    assert need.description == need_draft().description
    assert await counters() == {
        ("needs_posted", "food", "Central", "community"): 1,
        ("needs_withdrawn", "food", "Central", "community"): 1,
    }


async def test_a_withdrawn_need_cannot_be_withdrawn_again(key: bytes) -> None:
    with time_machine.travel(MOMENT, tick=False):
        codename = await post_need(need_draft(), codename_key=key)
        need_id = (await _need(codename, key)).id
        await withdraw_need(need_id)
        with pytest.raises(InvalidTransition):
            await withdraw_need(need_id)
    assert await counters() == {
        ("needs_posted", "food", "Central", "community"): 1,
        ("needs_withdrawn", "food", "Central", "community"): 1,
    }


async def test_erasing_an_open_need_deletes_it_with_its_thread(key: bytes) -> None:
    with time_machine.travel(MOMENT, tick=False):
        codename = await post_need(need_draft(), codename_key=key)
        other = await post_need(need_draft(), codename_key=key)
        need_id = (await _need(codename, key)).id
        other_id = (await _need(other, key)).id
        await add_message(need_id, author_role="member", body="first")
        await add_message(need_id, author_role="coordinator", body="second")
        await add_message(other_id, author_role="member", body="kept")
        await erase_need(need_id)
    assert await Need.filter(id=need_id).count() == 0
    assert await Message.filter(need_id=need_id).count() == 0
    assert await Need.filter(id=other_id).count() == 1
    assert await Message.filter(need_id=other_id).count() == 1
    assert await counters() == {
        ("needs_posted", "food", "Central", "community"): 2,
        ("needs_withdrawn", "food", "Central", "community"): 1,
        ("needs_erased", "food", "Central", "community"): 1,
    }


async def test_erasing_a_closed_need_counts_only_the_erasure(key: bytes) -> None:
    with time_machine.travel(MOMENT, tick=False):
        codename = await post_need(need_draft(area="westside"), codename_key=key)
        need_id = (await _need(codename, key)).id
        await withdraw_need(need_id)
        await erase_need(need_id)
    assert await Need.all().count() == 0
    assert await counters() == {
        ("needs_posted", "food", "West", "community"): 1,
        ("needs_withdrawn", "food", "West", "community"): 1,
        ("needs_erased", "food", "West", "community"): 1,
    }


async def test_erasing_a_need_that_is_gone_is_harmless(key: bytes) -> None:
    with time_machine.travel(MOMENT, tick=False):
        await erase_need(uuid.uuid4())
    assert await counters() == {}


async def test_messages_are_numbered_in_order_and_move_last_activity(key: bytes) -> None:
    with time_machine.travel(MOMENT, tick=False):
        codename = await post_need(need_draft(), codename_key=key)
        need_id = (await _need(codename, key)).id
    bodies = ["one", "two", "three", "four"]
    for hours, body in enumerate(bodies, start=1):
        with time_machine.travel(MOMENT + timedelta(hours=hours, minutes=hours), tick=False):
            role = "member" if hours % 2 else "coordinator"
            await add_message(need_id, author_role=role, body=body)
    messages = await Message.filter(need_id=need_id).order_by("seq")
    assert [m.seq for m in messages] == [1, 2, 3, 4]
    assert [m.body for m in messages] == bodies
    assert [m.author_role for m in messages] == ["member", "coordinator"] * 2
    assert [m.created_at for m in messages] == [HOUR + timedelta(hours=h) for h in range(1, 5)]
    need = await Need.get(id=need_id)
    assert need.last_activity_at == HOUR + timedelta(hours=4)
    assert need.created_at == HOUR
    # Messages are not counted: they say nothing the reports need.
    assert await counters() == {("needs_posted", "food", "Central", "community"): 1}


async def test_threads_are_numbered_separately(key: bytes) -> None:
    first = (await _need(await post_need(need_draft(), codename_key=key), key)).id
    second = (await _need(await post_need(need_draft(), codename_key=key), key)).id
    await add_message(first, author_role="member", body="a")
    await add_message(second, author_role="member", body="b")
    await add_message(first, author_role="member", body="c")
    assert [m.seq for m in await Message.filter(need_id=first).order_by("seq")] == [1, 2]
    assert [m.seq for m in await Message.filter(need_id=second)] == [1]


async def test_a_closed_need_takes_no_messages(key: bytes) -> None:
    with time_machine.travel(MOMENT, tick=False):
        codename = await post_need(need_draft(), codename_key=key)
        need_id = (await _need(codename, key)).id
        await add_message(need_id, author_role="member", body="before")
        await withdraw_need(need_id)
    with (
        time_machine.travel(MOMENT + timedelta(days=2), tick=False),
        pytest.raises(InvalidTransition),
    ):
        await add_message(need_id, author_role="member", body="after")
    assert [m.body for m in await Message.filter(need_id=need_id)] == ["before"]
    need = await Need.get(id=need_id)
    assert need.last_activity_at == HOUR


async def test_a_category_closed_after_it_was_used_refuses_the_next_post(key: bytes) -> None:
    """Posting remembers each (category, area) pair it has read, but checks it in every
    post's own transaction: a change made by any process is seen by the next post."""
    await post_need(need_draft(), codename_key=key)
    await Category.filter(slug="food").update(active=False)  # as another worker would
    with pytest.raises(UnknownChoice) as refused:
        await post_need(need_draft(), codename_key=key)
    assert refused.value.field == "category"
    assert await Need.all().count() == 1
    await Category.filter(slug="food").update(active=True)
    await post_need(need_draft(), codename_key=key)
    assert await Need.all().count() == 2


async def test_an_area_moved_to_another_group_is_counted_in_its_new_group(key: bytes) -> None:
    from mutualaid.storage.models import Area

    with time_machine.travel(MOMENT, tick=False):
        await post_need(need_draft(), codename_key=key)
        await Area.filter(slug="downtown").update(group="Riverside")
        await post_need(need_draft(), codename_key=key)
    assert await counters() == {
        ("needs_posted", "food", "Central", "community"): 1,
        ("needs_posted", "food", "Riverside", "community"): 1,
    }


async def test_an_area_recreated_under_the_same_name_takes_the_new_row(key: bytes) -> None:
    from mutualaid.storage.models import Area

    await post_need(need_draft(area="eastside"), codename_key=key)
    old = await Area.get(slug="eastside")
    await old.update_from_dict({"slug": "eastside-old"}).save()
    new = await Area.create(slug="eastside", name="Eastside", group="East", position=99)
    codename = await post_need(need_draft(area="eastside"), codename_key=key)
    assert (await _need(codename, key)).area_id == new.id  # type: ignore[attr-defined]
