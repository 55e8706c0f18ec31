"""Following a need or an offer with a codename: status, thread, withdraw, erase, offers."""

from __future__ import annotations

import re
from typing import Any

import httpx2
import pytest
from markupsafe import escape

from mutualaid.domain.codenames import codename_hash, generate_codename
from mutualaid.storage.models import Message, Need, Offer
from tests.conftest import CODENAME, Database, post_form, post_need
from tests.web.conftest import MakeClient, assert_security_headers, stored, token_in

DESCRIPTION = "Groceries for two days, no pork please"
CONTACT = "signal: river.42"
OFFER = {
    "kind": "ride",
    "category": "transport",
    "areas": ["eastside", "northside"],
    "capacity": "3",
    "notes": "Evenings only",
    "language": "en",
}
CODENAME_INPUT = re.compile(
    r'(<input type="text" id="codename" name="codename"[^>]*? value=")[^"]*"'
)
CODENAME_ROUTES = [
    "/check",
    "/check/thread",
    "/check/message",
    "/check/withdraw",
    "/check/offer",
    "/check/erase",
]


async def check(
    client: httpx2.AsyncClient, path: str, codename: str, **fields: Any
) -> httpx2.Response:
    headers = fields.pop("headers", {})
    token = token_in(await client.get("/check"))
    data = {"csrf_token": token, "codename": codename, **fields}
    return await client.post(path, data=data, headers=headers)


async def post_offer(client: httpx2.AsyncClient) -> str:
    response = await post_form(client, "/offer", OFFER, page="/offer")
    assert response.status_code == 200
    assert "Your offer is in" in response.text
    match = CODENAME.search(response.text)
    assert match
    return match.group(1)


async def need_row(db: Database, codename: str) -> Need | None:
    digest = codename_hash(codename, db.settings.secret("codename_key"))
    return await Need.get_or_none(codename_hash=digest)


async def offer_row(db: Database, codename: str) -> Offer | None:
    digest = codename_hash(codename, db.settings.secret("codename_key"))
    return await Offer.get_or_none(codename_hash=digest)


async def test_a_codename_opens_its_status_page(client: httpx2.AsyncClient, db: Database) -> None:
    codename = await post_need(client, description=DESCRIPTION, contact=CONTACT)
    for typed in (codename, "  " + codename.upper().replace(" ", "   ") + " "):
        response = await check(client, "/check", typed)
        assert response.status_code == 200
        assert "Waiting for a match" in response.text
        assert str(escape(DESCRIPTION)) in response.text
        assert CONTACT in response.text
        assert "Downtown" in response.text and "Food" in response.text
        assert "No messages yet" in response.text
        assert "<html" in response.text
        assert_security_headers(response)
    # The codename travels only in forms, never in a link.
    links = re.findall(r'(?:href|action)="([^"]*)"', response.text)
    assert links
    forms = {codename, codename.replace(" ", "+"), codename.replace(" ", "%20")}
    assert not any(form in link for link in links for form in forms)


MALFORMED = [
    "x",
    "a" * 200,
    "café " * 7,
    " ".join(["mañana"] * 7),
    "",
    "   ",
    "abacus abdomen abdominal abide abiding ability",
    "abacus abdomen abdominal abide abiding ability ablaze zoom",
    "abacus abdomen abdominal\x00 abide abiding ability ablaze",
    "<script>abacus</script> abdomen abdominal abide abiding ability ablaze",
]


def _without_echo(text: str) -> str:
    assert len(CODENAME_INPUT.findall(text)) == 1
    return CODENAME_INPUT.sub(r'\1"', text)


@pytest.mark.parametrize("path", CODENAME_ROUTES)
async def test_wrong_and_malformed_codenames_fail_identically(
    make_client: MakeClient, path: str
) -> None:
    _, client = await make_client(codename_checks_per_client_per_minute=100)
    await post_need(client)
    before = await stored()
    wrong = await check(client, path, generate_codename())
    assert wrong.status_code == 404
    assert "We couldn&#39;t find anything for that codename" in wrong.text
    assert_security_headers(wrong)
    reference = _without_echo(wrong.text)
    for typed in MALFORMED:
        failed = await check(client, path, typed)
        assert failed.status_code == 404
        assert _without_echo(failed.text) == reference
        assert sorted(failed.headers.keys()) == sorted(wrong.headers.keys())
        assert "<script>abacus" not in failed.text
    assert await stored() == before


async def test_a_codename_for_another_key_is_just_wrong(
    client: httpx2.AsyncClient, db: Database
) -> None:
    codename = await post_need(client)
    # Every word right, one swapped: no partial credit.
    words = codename.split()
    words[3] = "zoom" if words[3] != "zoom" else "abacus"
    response = await check(client, "/check", " ".join(words))
    assert response.status_code == 404


async def test_messages_without_htmx_return_the_whole_page(
    client: httpx2.AsyncClient, db: Database
) -> None:
    codename = await post_need(client)
    response = await check(client, "/check/message", codename, body="Is Tuesday all right?")
    assert response.status_code == 200
    assert "<html" in response.text
    assert "Your message is in the thread." in response.text
    assert "Is Tuesday all right?" in response.text
    need = await need_row(db, codename)
    assert need is not None
    messages = await Message.filter(need_id=need.id)
    assert [(m.seq, m.author_role, m.body) for m in messages] == [
        (1, "member", "Is Tuesday all right?")
    ]


async def test_messages_with_htmx_return_only_the_thread(
    client: httpx2.AsyncClient, db: Database
) -> None:
    codename = await post_need(client)
    htmx = {"HX-Request": "true", "HX-Target": "thread"}
    await check(client, "/check/message", codename, body="first one")
    response = await check(client, "/check/message", codename, body="second one", headers=htmx)
    assert response.status_code == 200
    assert response.text.lstrip().startswith('<section id="thread"')
    assert response.text.rstrip().endswith("</section>")
    for part in ("<html", "<h1", "<body", "Withdraw my request"):
        assert part not in response.text
    assert response.text.index("first one") < response.text.index("second one")
    assert "Your message is in the thread." in response.text
    assert response.headers["vary"] == "HX-Request, HX-Target"
    need = await need_row(db, codename)
    assert need is not None
    assert [m.seq for m in await Message.filter(need_id=need.id).order_by("seq")] == [1, 2]


async def test_the_thread_refresh_is_partial_for_htmx_only(
    client: httpx2.AsyncClient, db: Database
) -> None:
    codename = await post_need(client)
    await check(client, "/check/message", codename, body="hello there")
    before = await stored()
    partial = await check(client, "/check/thread", codename, headers={"HX-Request": "true"})
    full = await check(client, "/check/thread", codename)
    assert partial.status_code == full.status_code == 200
    assert partial.text.lstrip().startswith('<section id="thread"')
    assert "<html" not in partial.text and "hello there" in partial.text
    assert "<html" in full.text and "hello there" in full.text
    assert await stored() == before


@pytest.mark.parametrize("htmx", [False, True])
@pytest.mark.parametrize("body", ["", "   ", "x" * 2001, "bell\x07"])
async def test_a_bad_message_is_explained_and_not_stored(
    client: httpx2.AsyncClient, db: Database, body: str, htmx: bool
) -> None:
    codename = await post_need(client)
    headers = {"HX-Request": "true"} if htmx else {}
    before = await stored()
    response = await check(client, "/check/message", codename, body=body, headers=headers)
    assert response.status_code == 422
    assert "Write a message of up to 2,000 characters." in response.text
    assert ("<html" in response.text) is not htmx
    if body.strip() and "\x07" not in body:
        assert body + "</textarea>" in response.text  # what they wrote is kept
    assert await stored() == before


async def test_withdrawing_closes_and_erases_contact(
    client: httpx2.AsyncClient, db: Database
) -> None:
    codename = await post_need(client, contact=CONTACT)
    response = await check(client, "/check/withdraw", codename)
    assert response.status_code == 200
    assert "Withdrawn by you" in response.text
    assert "Your request is withdrawn." in response.text
    assert CONTACT not in response.text
    assert "Withdraw my request" not in response.text
    assert "Send message" not in response.text
    assert "Erase everything now" in response.text
    need = await need_row(db, codename)
    assert need is not None
    assert need.status == "withdrawn"
    assert need.contact is None
    assert need.closed_at is not None

    again = await check(client, "/check/withdraw", codename)
    assert again.status_code == 200
    assert escape("This is closed, so that can't change any more.") in again.text
    assert (await need_row(db, codename)).status == "withdrawn"  # type: ignore[union-attr]


async def test_a_closed_need_takes_no_messages(client: httpx2.AsyncClient, db: Database) -> None:
    codename = await post_need(client)
    await check(client, "/check/withdraw", codename)
    before = await stored()
    response = await check(client, "/check/message", codename, body="too late")
    assert response.status_code == 422
    assert await stored() == before


async def test_a_message_to_a_closed_need_is_explained(
    client: httpx2.AsyncClient, db: Database
) -> None:
    codename = await post_need(client)
    await check(client, "/check/withdraw", codename)
    response = await check(client, "/check/message", codename, body="too late")
    assert escape("This is closed, so that can't change any more.") in response.text


async def test_erasing_asks_first_then_deletes_everything(
    client: httpx2.AsyncClient, db: Database
) -> None:
    codename = await post_need(client)
    await check(client, "/check/message", codename, body="a message to erase")
    need = await need_row(db, codename)
    assert need is not None
    before = await stored()

    for confirm in ({}, {"confirm": "no"}, {"confirm": "YES"}):
        asking = await check(client, "/check/erase", codename, **confirm)
        assert asking.status_code == 200
        assert "Erase everything now?" in asking.text
        assert 'name="confirm" value="yes"' in asking.text
        assert await stored() == before

    done = await check(client, "/check/erase", codename, confirm="yes")
    assert done.status_code == 303
    assert done.headers["location"] == "/check/erased"
    assert_security_headers(done)
    assert await need_row(db, codename) is None
    assert await Message.filter(need_id=need.id).count() == 0
    erased = await client.get(done.headers["location"])
    assert erased.status_code == 200
    assert "the codename no longer works" in erased.text

    gone = await check(client, "/check", codename)
    assert gone.status_code == 404


async def test_an_offer_is_followed_paused_resumed_and_ended(
    client: httpx2.AsyncClient, db: Database
) -> None:
    codename = await post_offer(client)
    page = await check(client, "/check", codename)
    assert page.status_code == 200
    assert "Your offer" in page.text
    assert "Open: coordinators can match it" in page.text
    assert "Evenings only" in page.text
    assert "Eastside" in page.text and "Northside" in page.text
    assert "3 / 3" in page.text

    steps = [
        ("pause", "Paused by you", "paused", "Your offer is paused."),
        ("resume", "Open: coordinators can match it", "active", "Your offer is open again."),
        ("pause", "Paused by you", "paused", "Your offer is paused."),
        ("end", "Ended", "ended", "Your offer has ended."),
    ]
    for action, label, status, notice in steps:
        response = await check(client, "/check/offer", codename, action=action)
        assert response.status_code == 200
        assert label in response.text
        assert notice in response.text
        assert (await offer_row(db, codename)).status == status  # type: ignore[union-attr]
    assert 'name="action"' not in response.text
    assert "Erase everything now" in response.text


@pytest.mark.parametrize("action", ["resume", "delete", "", "end; drop table offer"])
async def test_offer_actions_that_do_not_apply_change_nothing(
    client: httpx2.AsyncClient, db: Database, action: str
) -> None:
    codename = await post_offer(client)
    before = await stored()
    response = await check(client, "/check/offer", codename, action=action)
    assert response.status_code == 200
    assert "Open: coordinators can match it" in response.text
    assert await stored() == before


async def test_need_and_offer_actions_do_not_cross(
    client: httpx2.AsyncClient, db: Database
) -> None:
    need = await post_need(client)
    offer = await post_offer(client)
    before = await stored()
    on_need = await check(client, "/check/offer", need, action="end")
    assert on_need.status_code == 200 and "Waiting for a match" in on_need.text
    on_offer = await check(client, "/check/withdraw", offer)
    assert on_offer.status_code == 200 and "Open: coordinators can match it" in on_offer.text
    message = await check(client, "/check/message", offer, body="not for offers")
    assert message.status_code == 200 and "Your offer" in message.text
    assert await stored() == before


async def test_erasing_an_offer(client: httpx2.AsyncClient, db: Database) -> None:
    codename = await post_offer(client)
    asking = await check(client, "/check/erase", codename)
    assert "Erase everything now?" in asking.text
    assert await offer_row(db, codename) is not None
    done = await check(client, "/check/erase", codename, confirm="yes")
    assert done.status_code == 303
    assert await offer_row(db, codename) is None
    assert (await check(client, "/check", codename)).status_code == 404
