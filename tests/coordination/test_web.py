"""The console over HTTP, with and without htmx: the queue, a need's page, proposing,
messages and closing, and the kind answers when something changed meanwhile."""

from __future__ import annotations

import re
import uuid

import httpx2
import pytest
from markupsafe import escape

from mutualaid.domain.queue import PAGE_SIZE
from mutualaid.storage.models import AuditEvent, Match, Message, Need, Offer
from tests.conftest import Database, approved_organization, csrf_token
from tests.coordination.conftest import a_need, an_offer, hours_ago, quiet_offers
from tests.pledges.conftest import sign_in_coordinator, sign_in_member
from tests.web.conftest import assert_security_headers

VARY = "HX-Request, HX-Target"
RESULTS = {"HX-Request": "true", "HX-Target": "queue-results"}


@pytest.fixture
async def coordinator(client: httpx2.AsyncClient, db: Database) -> uuid.UUID:
    """`client`, signed in as a coordinator."""
    return await sign_in_coordinator(client, db)


async def post(
    client: httpx2.AsyncClient, path: str, data: dict[str, str], **kw: object
) -> httpx2.Response:
    token = await csrf_token(client, "/check")
    return await client.post(path, data={"csrf_token": token, **data}, **kw)  # type: ignore[arg-type]


def text(html: str) -> str:
    return escape(html)


# --- the queue -------------------------------------------------------------------------------


async def test_the_queue_lists_needs_newest_urgent_first_with_no_ones_words(
    mid_hour: None, client: httpx2.AsyncClient, db: Database, coordinator: uuid.UUID
) -> None:
    later = await a_need(db, urgency="flexible", description="CANARY-queue-words-1")
    older = await a_need(db, created_at=hours_ago(5))
    newer = await a_need(db)
    response = await client.get("/staff/queue")
    assert response.status_code == 200
    assert response.headers["vary"] == VARY
    assert_security_headers(response)
    order = [uuid.UUID(m) for m in re.findall(r'<tr id="need-([0-9a-f-]{36})"', response.text)]
    assert order == [newer, older, later]
    assert "CANARY-queue-words" not in response.text
    assert "signal: example.01" not in response.text
    assert f'href="/staff/needs/{newer}"' in response.text
    assert "5 hours ago" in response.text


async def test_counts_are_shown_beside_each_filter_value(
    client: httpx2.AsyncClient, db: Database, coordinator: uuid.UUID
) -> None:
    for _ in range(2):
        await a_need(db)
    await a_need(db, category="housing", area="eastside", language="es")
    page = (await client.get("/staff/queue", params={"area": "downtown"})).text
    assert re.search(r'<option value="food">Food \(2\)</option>', page)
    # Counted with the other filters kept: the Eastside need isn't in Downtown's housing.
    assert re.search(r'<option value="housing">Housing and shelter \(0\)</option>', page)
    # The area's own counts ignore the area chosen, so each option says what it would show.
    assert re.search(r'<option value="eastside">Eastside \(1\)</option>', page)
    assert re.search(r'<option value="downtown" selected>Downtown \(2\)</option>', page)
    assert re.search(r'<option value="">Any \(3\)</option>', page)
    assert re.search(r'<option value="es">Español \(0\)</option>', page)


async def test_filters_narrow_the_queue_without_javascript(
    client: httpx2.AsyncClient, db: Database, coordinator: uuid.UUID
) -> None:
    food = await a_need(db)
    housing = await a_need(db, category="housing", urgency="soon", language="es")
    old = await a_need(db, created_at=hours_ago(200))
    for params, shown in [
        ({"category": "housing"}, {housing}),
        ({"urgency": "soon"}, {housing}),
        ({"language": "es"}, {housing}),
        ({"age": "older"}, {old}),
        ({"age": "day", "category": "food"}, {food}),
        ({"status": "matched"}, set()),
        ({}, {food, housing, old}),
    ]:
        response = await client.get("/staff/queue", params=params)
        assert response.status_code == 200
        rows = {uuid.UUID(m) for m in re.findall(r'<tr id="need-([0-9a-f-]{36})"', response.text)}
        assert rows == shown, params


async def test_a_filter_that_needs_attention_is_explained_and_the_rest_kept(
    client: httpx2.AsyncClient, db: Database, coordinator: uuid.UUID
) -> None:
    await a_need(db)
    housing = await a_need(db, category="housing")
    response = await client.get(
        "/staff/queue",
        params={"category": "housing", "area": "atlantis", "urgency": "later", "page": "x"},
    )
    assert response.status_code == 422
    assert "Choose an area from the list." in response.text
    assert "Choose how soon from the list." in response.text
    assert "Traceback" not in response.text
    rows = {uuid.UUID(m) for m in re.findall(r'<tr id="need-([0-9a-f-]{36})"', response.text)}
    assert rows == {housing}


@pytest.mark.parametrize(
    "params",
    [
        {"page": "9" * 5000},
        {"page": "-3"},
        {"page": "²"},
        {"refreshes": "9" * 5000},
        {"refreshes": "²"},
        {"category": "food\x00"},
        {"language": "<script>"},
        {"age": "ancient", "status": "closed"},
        {"category": ["food", "housing"]},
    ],
    ids=lambda p: ",".join(p),
)
async def test_odd_queries_get_a_page_never_an_error(
    client: httpx2.AsyncClient, db: Database, coordinator: uuid.UUID, params: dict[str, object]
) -> None:
    await a_need(db)
    for headers in ({}, RESULTS):
        response = await client.get("/staff/queue", params=params, headers=headers)  # type: ignore[arg-type]
        assert response.status_code in (200, 422), params
        assert 'id="queue-results"' in response.text
        assert "<script>" not in response.text


async def test_htmx_refreshes_only_the_results_with_the_same_filters_and_page(
    client: httpx2.AsyncClient, db: Database, coordinator: uuid.UUID
) -> None:
    from mutualaid.services.queue_tally import rebuild_queue_tally
    from mutualaid.storage.models import Need as NeedRow

    first = await a_need(db)
    template = await NeedRow.get(id=first)
    # Enough needs for three pages, stored directly (the posting path is tested elsewhere).
    await NeedRow.bulk_create(
        [
            NeedRow(
                codename_hash=uuid.uuid4().hex,
                category_id=template.category_id,  # type: ignore[attr-defined]
                area_id=template.area_id,  # type: ignore[attr-defined]
                urgency="now",
                description="x",
                language="en",
                status="open",
                created_at=template.created_at,
                last_activity_at=template.created_at,
            )
            for _ in range(2 * PAGE_SIZE + 5)
        ]
    )
    await rebuild_queue_tally()  # stored around the services, so counted here
    full = await client.get("/staff/queue", params={"category": "food", "page": "2"})
    assert full.status_code == 200
    assert "<html" in full.text
    refresh = 'hx-get="/staff/queue?category=food&amp;page=2&amp;refreshes=1"'
    assert refresh in full.text
    assert 'hx-trigger="every 30s"' in full.text
    assert 'hx-target="#queue-results"' in full.text
    # Plain links to the neighbouring pages keep the filters.
    assert 'href="/staff/queue?category=food"' in full.text
    assert 'href="/staff/queue?category=food&amp;page=3"' in full.text
    assert "Page 2 of 3" in full.text
    assert len(re.findall(r'<tr id="need-', full.text)) == PAGE_SIZE

    fragment = await client.get(
        "/staff/queue", params={"category": "food", "page": "2"}, headers=RESULTS
    )
    assert fragment.status_code == 200
    assert fragment.headers["vary"] == VARY
    assert fragment.text.lstrip().startswith('<section id="queue-results"')
    for part in ("<html", "<form", "<h1", "<header"):
        assert part not in fragment.text
    assert 'hx-get="/staff/queue?category=food&amp;page=2&amp;refreshes=1"' in fragment.text
    assert "Page 2 of 3" in fragment.text
    # Each refresh counts itself; plain links never carry the count.
    again = await client.get(
        "/staff/queue", params={"category": "food", "page": "2", "refreshes": "1"}, headers=RESULTS
    )
    assert 'hx-get="/staff/queue?category=food&amp;page=2&amp;refreshes=2"' in again.text
    assert 'href="/staff/queue?category=food&amp;page=3"' in again.text
    # Any other htmx request gets the page's content block.
    other = await client.get("/staff/queue", headers={"HX-Request": "true"})
    assert "<h1>" in other.text and "<html" not in other.text


async def test_refreshing_pauses_so_an_unattended_screen_still_signs_out(
    client: httpx2.AsyncClient, db: Database, coordinator: uuid.UUID
) -> None:
    from mutualaid.domain.staff import IDLE_TIMEOUT
    from mutualaid.web.routes.coordinator import MAX_REFRESHES, REFRESH_SECONDS

    assert IDLE_TIMEOUT.total_seconds() > MAX_REFRESHES * REFRESH_SECONDS
    await a_need(db)
    last = await client.get(
        "/staff/queue", params={"refreshes": str(MAX_REFRESHES - 1)}, headers=RESULTS
    )
    assert f"refreshes={MAX_REFRESHES}" in last.text and "hx-trigger" in last.text
    paused = await client.get(
        "/staff/queue", params={"refreshes": str(MAX_REFRESHES)}, headers=RESULTS
    )
    assert paused.status_code == 200
    assert "hx-trigger" not in paused.text and "hx-get" not in paused.text
    assert 'id="refresh-paused"' in paused.text
    assert '<tr id="need-' in paused.text
    # A full page (a reload, a filter, a page link) starts refreshing again.
    reloaded = await client.get("/staff/queue", params={"refreshes": str(MAX_REFRESHES)})
    assert 'hx-get="/staff/queue?refreshes=1"' in reloaded.text


async def test_the_queue_in_spanish_keeps_the_language_in_its_links(
    client: httpx2.AsyncClient, db: Database, coordinator: uuid.UUID
) -> None:
    need = await a_need(db)
    response = await client.get("/es/staff/queue")
    assert response.status_code == 200
    assert f'href="/es/staff/needs/{need}"' in response.text
    assert 'hx-get="/es/staff/queue?refreshes=1"' in response.text


# --- a need's page ---------------------------------------------------------------------------


async def test_a_needs_page_shows_what_they_shared_and_audits_the_reading(
    client: httpx2.AsyncClient, db: Database, coordinator: uuid.UUID
) -> None:
    need = await a_need(
        db,
        description="Groceries for two days, CANARY-need-page",
        urgency="window",
        window_start=None,
        window_end=None,
    )
    response = await client.get(f"/staff/needs/{need}")
    assert response.status_code == 200
    assert response.headers["vary"] == VARY
    assert_security_headers(response)
    page = response.text
    for shown in ("Groceries for two days, CANARY-need-page", "signal: example.01", "Sam"):
        assert shown in page
    assert "they/them" in page
    assert "Posted" in page and "UTC" in page and ":00 UTC" in page
    assert "Between two dates" in page
    assert "Posted (by the member)" in page
    assert "No messages yet." in page
    events = await AuditEvent.filter(action="need.view").values_list(
        "staff_id", "record_type", "record_id"
    )
    assert events == [(coordinator, "need", str(need))]


async def test_without_a_contact_the_page_says_so(
    client: httpx2.AsyncClient, db: Database, coordinator: uuid.UUID
) -> None:
    need = await a_need(db, contact=None, preferred_name=None, pronouns=None)
    page = (await client.get(f"/staff/needs/{need}")).text
    assert "Not given: answer in the thread below." in page
    assert 'id="preferred-name"' not in page and 'id="pronouns"' not in page


async def test_suggestions_have_a_reason_and_a_propose_button(
    client: httpx2.AsyncClient, db: Database, coordinator: uuid.UUID
) -> None:
    await quiet_offers()
    org = await approved_organization(db, "Night Owls Collective")
    need = await a_need(db)
    pledge = await an_offer(organization_id=org, capacity=4, title="Pantry shelf")
    community = await an_offer(areas=("eastside",))
    page = (await client.get(f"/staff/needs/{need}")).text
    rows = re.findall(r'<tr id="suggestion-([0-9a-f-]{36})">', page)
    assert rows == [str(pledge), str(community)]
    assert "Serves this area; from today; 4 left; Night Owls Collective" in page
    assert "Serves a neighbouring area; from today; 3 left; a community member" in page
    assert f'name="offer_id" value="{pledge}"' in page
    assert f'action="/staff/needs/{need}/match"' in page


async def test_proposing_from_a_suggestion_is_one_post_and_a_redirect(
    client: httpx2.AsyncClient, db: Database, coordinator: uuid.UUID
) -> None:
    need = await a_need(db)
    offer = await an_offer(capacity=3)
    response = await post(client, f"/staff/needs/{need}/match", {"offer_id": str(offer)})
    assert response.status_code == 303
    assert response.headers["location"] == f"/staff/needs/{need}?done=proposed"
    assert (await Offer.get(id=offer)).capacity_left == 2
    page = await client.get(response.headers["location"])
    assert "Match proposed." in page.text
    assert "Proposed: waiting for the helper to accept" in page.text
    assert 'id="suggestions"' not in page.text


async def test_an_offer_that_ran_out_meanwhile_gets_fresh_suggestions(
    client: httpx2.AsyncClient, db: Database, coordinator: uuid.UUID
) -> None:
    await quiet_offers()
    need = await a_need(db)
    gone = await an_offer(capacity=1)
    fresh = await an_offer(capacity=2)
    await Offer.filter(id=gone).update(capacity_left=0)  # another coordinator took the last one
    response = await post(client, f"/staff/needs/{need}/match", {"offer_id": str(gone)})
    assert response.status_code == 409
    assert text("That offer can't take this any more; here are fresh suggestions") in response.text
    assert f'id="suggestion-{fresh}"' in response.text
    assert f'id="suggestion-{gone}"' not in response.text
    assert (await Offer.get(id=gone)).capacity_left == 0
    assert (await Need.get(id=need)).status == "open"


async def test_a_paused_offer_is_refused_kindly(
    client: httpx2.AsyncClient, db: Database, coordinator: uuid.UUID
) -> None:
    need = await a_need(db)
    offer = await an_offer()
    await Offer.filter(id=offer).update(status="paused")
    response = await post(client, f"/staff/needs/{need}/match", {"offer_id": str(offer)})
    assert response.status_code == 409
    assert text("That offer can't take this any more") in response.text
    assert (await Offer.get(id=offer)).capacity_left == 3


async def test_a_double_submit_is_explained_not_repeated(
    client: httpx2.AsyncClient, db: Database, coordinator: uuid.UUID
) -> None:
    need = await a_need(db)
    offer = await an_offer()
    first = await post(client, f"/staff/needs/{need}/match", {"offer_id": str(offer)})
    again = await post(client, f"/staff/needs/{need}/match", {"offer_id": str(offer)})
    assert (first.status_code, again.status_code) == (303, 409)
    assert text("This request isn't waiting for a match any more") in again.text
    assert (await Offer.get(id=offer)).capacity_left == 2
    assert await Match.filter(need_id=need).count() == 1


async def test_a_proposal_without_a_real_offer_id_is_explained(
    client: httpx2.AsyncClient, db: Database, coordinator: uuid.UUID
) -> None:
    need = await a_need(db)
    response = await post(client, f"/staff/needs/{need}/match", {"offer_id": "not-an-id"})
    assert response.status_code == 422
    assert "Choose one of the suggestions." in response.text
    unknown = await post(client, f"/staff/needs/{need}/match", {"offer_id": str(uuid.uuid4())})
    assert unknown.status_code == 409


# --- messages --------------------------------------------------------------------------------


async def test_a_coordinator_writes_in_the_thread_without_javascript(
    client: httpx2.AsyncClient, db: Database, coordinator: uuid.UUID
) -> None:
    need = await a_need(db)
    response = await post(client, f"/staff/needs/{need}/message", {"body": "We found groceries"})
    assert response.status_code == 303
    assert response.headers["location"] == f"/staff/needs/{need}?done=sent#thread"
    stored = await Message.get(need_id=need)
    assert (stored.author_role, stored.body) == ("coordinator", "We found groceries")
    page = (await client.get(response.headers["location"])).text
    assert "We found groceries" in page
    assert "A coordinator" in page
    assert await AuditEvent.filter(action="need.message", record_id=str(need)).exists()


async def test_with_htmx_the_thread_is_swapped_in_place(
    client: httpx2.AsyncClient, db: Database, coordinator: uuid.UUID
) -> None:
    from mutualaid.services.needs import add_message

    need = await a_need(db)
    await add_message(need, author_role="member", body="Thank you all")
    response = await post(
        client,
        f"/staff/needs/{need}/message",
        {"body": "Pick-up at six"},
        headers={"HX-Request": "true", "HX-Target": "thread"},
    )
    assert response.status_code == 200
    assert response.headers["vary"] == VARY
    assert response.text.lstrip().startswith('<section id="thread"')
    assert "<html" not in response.text and "<h1" not in response.text
    assert "Pick-up at six" in response.text and "Thank you all" in response.text
    assert "Sam" in response.text  # the member's own name, as they gave it
    assert "Your message is in the thread." in response.text
    assert f'hx-post="/staff/needs/{need}/message"' in response.text


async def test_an_empty_message_is_explained_with_and_without_htmx(
    client: httpx2.AsyncClient, db: Database, coordinator: uuid.UUID
) -> None:
    need = await a_need(db)
    plain = await post(client, f"/staff/needs/{need}/message", {"body": "  "})
    assert plain.status_code == 422
    assert "Write a message of up to 2,000 characters." in plain.text
    swapped = await post(
        client, f"/staff/needs/{need}/message", {"body": ""}, headers={"HX-Request": "true"}
    )
    # htmx swaps only 2xx answers, so the explanation arrives as one.
    assert swapped.status_code == 200
    assert "Write a message of up to 2,000 characters." in swapped.text
    assert not await Message.filter(need_id=need).exists()


async def test_a_closed_thread_takes_no_more_messages(
    client: httpx2.AsyncClient, db: Database, coordinator: uuid.UUID
) -> None:
    need = await a_need(db)
    await post(client, f"/staff/needs/{need}/close", {"outcome": "unmet"})
    plain = await post(client, f"/staff/needs/{need}/message", {"body": "Still there?"})
    assert plain.status_code == 409
    assert "its thread takes no more messages" in plain.text
    swapped = await post(
        client,
        f"/staff/needs/{need}/message",
        {"body": "Still there?"},
        headers={"HX-Request": "true"},
    )
    assert "its thread takes no more messages" in swapped.text
    assert "<textarea" not in swapped.text
    assert not await Message.filter(need_id=need).exists()


# --- closing ---------------------------------------------------------------------------------


async def test_closing_redirects_back_and_erases_the_contact(
    client: httpx2.AsyncClient, db: Database, coordinator: uuid.UUID
) -> None:
    need = await a_need(db)
    await post(client, f"/staff/needs/{need}/match", {"offer_id": str(await an_offer())})
    response = await post(client, f"/staff/needs/{need}/close", {"outcome": "fulfilled"})
    assert response.status_code == 303
    assert response.headers["location"] == f"/staff/needs/{need}?done=fulfilled"
    page = (await client.get(response.headers["location"])).text
    assert "Closed as met. The contact details are erased." in page
    assert "signal: example.01" not in page
    assert "contact details are erased when a request closes" in page
    assert 'id="close"' not in page and "<textarea" not in page
    assert (await Need.get(id=need)).contact is None
    again = await post(client, f"/staff/needs/{need}/close", {"outcome": "unmet"})
    assert again.status_code == 409
    assert "already closed" in again.text


async def test_an_open_need_is_not_closed_as_met(
    client: httpx2.AsyncClient, db: Database, coordinator: uuid.UUID
) -> None:
    need = await a_need(db)
    page = (await client.get(f"/staff/needs/{need}")).text
    assert 'value="fulfilled"' not in page and 'value="unmet"' in page
    response = await post(client, f"/staff/needs/{need}/close", {"outcome": "fulfilled"})
    assert response.status_code == 409
    assert "Only a matched request can be closed as met." in response.text
    bad = await post(client, f"/staff/needs/{need}/close", {"outcome": "vanished"})
    assert bad.status_code == 422
    assert (await Need.get(id=need)).status == "open"


# --- who may ---------------------------------------------------------------------------------

ROUTES = [
    ("GET", "/staff/queue"),
    ("GET", "/staff/needs/{id}"),
    ("POST", "/staff/needs/{id}/match"),
    ("POST", "/staff/needs/{id}/message"),
    ("POST", "/staff/needs/{id}/close"),
]


async def test_unknown_needs_are_not_found(
    client: httpx2.AsyncClient, db: Database, coordinator: uuid.UUID
) -> None:
    for method, path in ROUTES[1:]:
        token = await csrf_token(client, "/check")
        response = await client.request(
            method,
            path.format(id=uuid.uuid4()),
            data={"csrf_token": token, "offer_id": str(await an_offer()), "body": "hi"},
        )
        assert response.status_code == 404, path
        assert "find that page" in response.text
    assert (await client.get("/staff/needs/not-a-uuid")).status_code == 404


async def test_organization_members_are_told_nothing_exists(
    client: httpx2.AsyncClient, db: Database
) -> None:
    need = await a_need(db)
    await sign_in_member(client, db, await approved_organization(db))
    for method, path in ROUTES:
        token = await csrf_token(client, "/check")
        response = await client.request(
            method, path.format(id=need), data={"csrf_token": token, "outcome": "unmet"}
        )
        assert response.status_code == 404, path
    assert (await Need.get(id=need)).status == "open"
    assert not await AuditEvent.filter(action="need.view").exists()


async def test_anonymous_visitors_are_sent_to_sign_in(
    client: httpx2.AsyncClient, db: Database
) -> None:
    need = await a_need(db)
    for method, path in ROUTES:
        token = await csrf_token(client, "/check")
        response = await client.request(
            method, path.format(id=need), data={"csrf_token": token, "outcome": "unmet"}
        )
        assert response.status_code == 303, path
        assert response.headers["location"] == "/staff/login"
    assert (await Need.get(id=need)).status == "open"


async def test_the_staff_home_links_to_the_queue(
    client: httpx2.AsyncClient, db: Database, coordinator: uuid.UUID
) -> None:
    assert 'href="/staff/queue"' in (await client.get("/staff")).text


# --- words -----------------------------------------------------------------------------------


def test_each_reason_is_one_line_built_from_the_suggestion() -> None:
    from datetime import date, timedelta

    from mutualaid.domain.catalog import OfferKind
    from mutualaid.services.coordination import SuggestionView
    from mutualaid.web.routes.coordinator import suggestion_reason

    today = date(2031, 6, 2)  # a Monday

    def view(**overrides: object) -> SuggestionView:
        values: dict[str, object] = {
            "offer_id": uuid.uuid4(),
            "organization": None,
            "title": "",
            "kind": OfferKind.GOODS,
            "language": "en",
            "capacity_left": 1,
            "exact_area": True,
            "first_day": today,
            "organization_load": 0,
        }
        values.update(overrides)
        return SuggestionView(**values)  # type: ignore[arg-type]

    assert suggestion_reason(view(), today) == (
        "Serves this area; from today; 1 left; a community member"
    )
    assert suggestion_reason(
        view(exact_area=False, first_day=today + timedelta(days=1), capacity_left=7), today
    ) == ("Serves a neighbouring area; from tomorrow; 7 left; a community member")
    reason = suggestion_reason(
        view(organization="Night Owls", organization_load=2, first_day=today + timedelta(5)),
        today,
    )
    assert reason == "Serves this area; from Sat 7 Jun; 1 left; Night Owls, already on 2 matches"
    assert "\n" not in reason
    one = suggestion_reason(view(organization="Night Owls", organization_load=1), today)
    assert one.endswith("Night Owls, already on 1 match")


@pytest.mark.parametrize(
    ("hours", "words"),
    [
        (0, "under an hour"),
        (1, "1 hour"),
        (47, "47 hours"),
        (48, "2 days"),
        (77, "3 days, 5 hours"),
    ],
)
def test_ages_read_to_the_hour(hours: int, words: str) -> None:
    from mutualaid.web.routes.coordinator import age_text

    assert age_text(hours) == words


async def test_a_coordinator_takes_back_a_match_the_helper_never_answered(
    client: httpx2.AsyncClient, db: Database, coordinator: uuid.UUID
) -> None:
    need = await a_need(db)
    offer = await an_offer(capacity=2)
    await post(client, f"/staff/needs/{need}/match", {"offer_id": str(offer)})
    assert (await Offer.get(id=offer)).capacity_left == 1
    page = (await client.get(f"/staff/needs/{need}")).text
    assert f'action="/staff/needs/{need}/take-back"' in page

    response = await post(client, f"/staff/needs/{need}/take-back", {})
    assert response.status_code == 303
    assert response.headers["location"] == f"/staff/needs/{need}?done=taken_back"
    assert (await Need.get(id=need)).status == "open"
    assert (await Offer.get(id=offer)).capacity_left == 2
    assert await Match.filter(need_id=need).values_list("status", flat=True) == ["cancelled"]
    assert await AuditEvent.filter(action="match.take_back", staff_id=coordinator).count() == 1
    page = (await client.get(response.headers["location"])).text
    assert "Match taken back." in page
    assert "Match taken back; back in the queue" in page  # the history says so
    assert 'id="suggestions"' in page  # ready to be matched again

    again = await post(client, f"/staff/needs/{need}/take-back", {})  # a stale page
    assert again.status_code == 409
    assert "There is no open match here any more." in again.text
    assert (await Offer.get(id=offer)).capacity_left == 2  # nothing given back twice
