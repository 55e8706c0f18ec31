"""The "purging soon" view: exactly what the purge job deletes in the next seven days, by
random id and day, counted by day and category, with the retention periods, and never a word
anyone wrote."""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any

import httpx2
import time_machine

from mutualaid.domain.catalog import OfferDraft, OfferKind
from mutualaid.domain.codenames import codename_hash
from mutualaid.domain.needs import NeedDraft, Urgency
from mutualaid.services.coordinator_tools import purging_soon
from mutualaid.services.needs import add_message, post_need, withdraw_need
from mutualaid.services.offers import change_offer, post_offer
from mutualaid.services.pledges import change_pledge
from mutualaid.services.retention import purge_closed
from mutualaid.storage.models import Need, Offer
from tests.conftest import Database
from tests.pledges.conftest import organization, pledge, sign_in_coordinator, sign_in_member
from tests.tools.conftest import ALL_CANARIES, CANARIES, CANARY_MESSAGE

MOMENT = datetime(2031, 5, 17, 13, 37, 42, tzinfo=UTC)
TODAY = MOMENT.date()
DAY = timedelta(days=1)
RECORD = re.compile(
    r'<tr class="due" data-kind="(need|offer)">\s*<td>[^<]*</td>\s*<td><code>([0-9a-f-]{36})'
    r'</code></td>\s*<td><time datetime="(\d{4}-\d\d-\d\d)">'
)
COUNT_ROW = re.compile(
    r'<tr>\s*<td><time datetime="(\d{4}-\d\d-\d\d)">[^<]*</time></td>\s*<td>([^<]*)</td>\s*'
    r"<td>(\d+)</td>\s*<td>(\d+)</td>"
)


@dataclass
class Setup:
    #: What should be listed: id -> the day it is deleted.
    expected: dict[uuid.UUID, date]
    codenames: list[str]


async def _need_closed_at(
    key: bytes, closed: datetime, codenames: list[str], *, category: str = "food"
) -> uuid.UUID:
    with time_machine.travel(closed - DAY, tick=False):
        codename = await post_need(
            NeedDraft(
                category=category,
                area="downtown",
                urgency=Urgency.NOW,
                language="en",
                **CANARIES,
            ),
            codename_key=key,
        )
        need = await Need.get(codename_hash=codename_hash(codename, key))
        await add_message(need.id, author_role="member", body=CANARY_MESSAGE)
    with time_machine.travel(closed, tick=False):
        await withdraw_need(need.id)
    codenames.append(codename)
    return need.id


async def _community_offer(
    key: bytes, at: datetime, action: str | None, codenames: list[str]
) -> uuid.UUID:
    with time_machine.travel(at - DAY, tick=False):
        draft = OfferDraft(
            OfferKind.GOODS,
            "hygiene",
            ("downtown",),
            2,
            (at - DAY).date(),
            "en",
            notes=CANARIES["description"],
        )
        codename = await post_offer(draft, codename_key=key)
    offer = await Offer.get(codename_hash=codename_hash(codename, key))
    if action:
        with time_machine.travel(at, tick=False):
            await change_offer(offer.id, action)
    codenames.append(codename)
    return offer.id


async def _setup(db: Database) -> Setup:
    key = db.settings.secret("codename_key")
    codenames: list[str] = []
    expected: dict[uuid.UUID, date] = {}
    # Closed needs, with a retention period of 30 days.
    overdue = await _need_closed_at(key, MOMENT - 40 * DAY, codenames)
    expected[overdue] = TODAY  # past due: the next hourly run takes it
    expected[await _need_closed_at(key, MOMENT - 28 * DAY, codenames)] = TODAY + 2 * DAY
    expected[await _need_closed_at(key, MOMENT - 25 * DAY, codenames, category="transport")] = (
        TODAY + 5 * DAY
    )
    late_evening = datetime(2031, 4, 23, 23, 30, tzinfo=UTC)  # closed at 23:00, due 23:00
    expected[await _need_closed_at(key, late_evening, codenames)] = date(2031, 5, 23)
    # Closed at 13:00 on day -23: due at 13:00 on day +7, before the horizon (13:37).
    expected[await _need_closed_at(key, MOMENT - 23 * DAY, codenames)] = TODAY + 7 * DAY
    # Closed at 14:00 on day -23: due just after the horizon, so not yet.
    await _need_closed_at(key, MOMENT - 23 * DAY + timedelta(hours=1), codenames)
    await _need_closed_at(key, MOMENT - 10 * DAY, codenames)
    with time_machine.travel(MOMENT - 200 * DAY, tick=False):  # open and old: expiry's job
        codenames.append(
            await post_need(
                NeedDraft(
                    category="food",
                    area="downtown",
                    urgency=Urgency.NOW,
                    language="en",
                    **CANARIES,
                ),
                codename_key=key,
            )
        )
    # Community offers: ended ones wait out the same period; paused ones are kept.
    expected[await _community_offer(key, MOMENT - 35 * DAY, "end", codenames)] = TODAY
    expected[await _community_offer(key, MOMENT - 24 * DAY, "end", codenames)] = TODAY + 6 * DAY
    await _community_offer(key, MOMENT - 40 * DAY, "pause", codenames)
    await _community_offer(key, MOMENT - 5 * DAY, "end", codenames)
    await _community_offer(key, MOMENT - 60 * DAY, None, codenames)
    # An organization's ended pledge is never purged.
    org = await organization(db)
    with time_machine.travel(MOMENT - 60 * DAY, tick=False):
        pledge_id = await pledge(db, org, weekly_hours=(), available_until=None)
        await change_pledge(pledge_id, "end", organization_id=org, staff_id=None)
    return Setup(expected, codenames)


def _listed(page: httpx2.Response) -> dict[uuid.UUID, date]:
    return {uuid.UUID(i): date.fromisoformat(d) for _, i, d in RECORD.findall(page.text)}


async def _ids() -> set[uuid.UUID]:
    return set(await Need.all().values_list("id", flat=True)) | set(
        await Offer.all().values_list("id", flat=True)
    )


async def test_the_view_lists_exactly_what_the_purge_job_deletes_in_seven_days(
    client: httpx2.AsyncClient, db: Database
) -> None:
    setup = await _setup(db)
    with time_machine.travel(MOMENT, tick=False):
        await sign_in_coordinator(client, db)
        page = await client.get("/staff/purging")
    assert page.status_code == 200
    listed = _listed(page)
    assert listed == setup.expected
    kinds = {uuid.UUID(i): kind for kind, i, _ in RECORD.findall(page.text)}
    assert {i for i, kind in kinds.items() if kind == "offer"} == set(
        await Offer.filter(id__in=list(listed)).values_list("id", flat=True)
    )

    # Counts by day and category, in the staff's language.
    counts = {(d, c): (int(n), int(o)) for d, c, n, o in COUNT_ROW.findall(page.text)}
    assert counts == {
        (TODAY.isoformat(), "Food"): (1, 0),
        (TODAY.isoformat(), "Hygiene and harm-reduction supplies"): (0, 1),
        ((TODAY + 2 * DAY).isoformat(), "Food"): (1, 0),
        ((TODAY + 5 * DAY).isoformat(), "Transport"): (1, 0),
        ((TODAY + 6 * DAY).isoformat(), "Food"): (1, 0),
        ((TODAY + 6 * DAY).isoformat(), "Hygiene and harm-reduction supplies"): (0, 1),
        ((TODAY + 7 * DAY).isoformat(), "Food"): (1, 0),
    }

    # The proof: run the real purge job seven days from now and see what it deleted.
    before = await _ids()
    await purge_closed(now=MOMENT + 7 * DAY, retention_days=30)
    assert before - await _ids() == set(listed)


async def test_the_view_shows_no_content_and_the_retention_periods(
    client: httpx2.AsyncClient, db: Database
) -> None:
    setup = await _setup(db)
    with time_machine.travel(MOMENT, tick=False):
        await sign_in_coordinator(client, db)
        page = await client.get("/staff/purging")
        fragment = await client.get("/staff/purging", headers={"HX-Request": "true"})
    for response in (page, fragment):
        lowered = response.text.lower()
        for canary in ALL_CANARIES:
            assert canary.lower() not in lowered, canary
        for codename in setup.codenames:
            assert codename not in response.text
            assert codename_hash(codename, db.settings.secret("codename_key")) not in lowered
    assert "<html" not in fragment.text
    retention = page.text.split('id="retention"', 1)[1].split("</dl>", 1)[0]
    assert "deleted 30 days after closing" in retention
    assert "expire after 21 days" in retention
    assert "deleted after 90 days" in retention
    assert 'href="/staff/purging"' in (await client.get("/staff")).text


async def test_the_service_answers_with_ids_days_and_counts_only(db: Database) -> None:
    setup = await _setup(db)
    preview = await purging_soon(now=MOMENT, retention_days=30, audit_retention_days=90)
    assert {r.id: r.due for r in preview.records} == setup.expected
    assert (preview.needs, preview.offers) == (5, 2)
    assert sum(c.needs + c.offers for c in preview.counts) == len(setup.expected)
    for record in preview.records:
        assert set(vars(record)) == {"kind", "id", "due", "category"}
    # A longer retention period moves everything later: nothing is due this week.
    later = await purging_soon(now=MOMENT, retention_days=90, audit_retention_days=90)
    assert later.records == () and later.counts == ()


async def test_an_empty_week_says_so(client: httpx2.AsyncClient, db: Database) -> None:
    await sign_in_coordinator(client, db)
    page = await client.get("/staff/purging")
    assert page.status_code == 200
    assert 'id="nothing-due"' in page.text
    assert not RECORD.search(page.text)


async def test_other_retention_settings_are_shown_and_used(db: Database, make_client: Any) -> None:
    setup = await _setup(db)
    _, client = await make_client(closed_retention_days=26, audit_retention_days=120)
    with time_machine.travel(MOMENT, tick=False):
        await sign_in_coordinator(client, db)
        page = await client.get("/staff/purging")
    assert "deleted 26 days after closing" in page.text
    assert "deleted after 120 days" in page.text
    preview = await purging_soon(now=MOMENT, retention_days=26, audit_retention_days=120)
    assert _listed(page) == {r.id: r.due for r in preview.records}
    assert set(_listed(page)) > set(setup.expected)  # more is due sooner


async def test_only_coordinators_see_it(client: httpx2.AsyncClient, db: Database) -> None:
    await sign_in_member(client, db, await organization(db))
    assert (await client.get("/staff/purging")).status_code == 404
    client.cookies.clear()
    response = await client.get("/staff/purging")
    assert response.status_code == 303
    assert response.headers["location"] == "/staff/login"
