"""Bad input on the anonymous forms: always a kind answer, never a 500, nothing stored."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import timedelta
from typing import Any

import httpx2
import pytest
from markupsafe import escape

from mutualaid.domain.clock import today
from mutualaid.web.forms import FIELD_MESSAGES
from tests.conftest import CODENAME, Database, need_form
from tests.web.conftest import assert_security_headers, stored, token_in

OFFER = {
    "kind": "ride",
    "category": "transport",
    "areas": ["eastside", "northside"],
    "capacity": "3",
    "language": "en",
}
DAY = timedelta(days=1)
REMOVE = object()


def _date(days: int) -> str:
    return (today() + days * DAY).isoformat()


WINDOW = {"urgency": "window", "window_start": _date(1), "window_end": _date(3)}

#: (path, changes to a good form, the field that must be explained, text that must be kept)
CASES: dict[str, tuple[str, dict[str, Any], str, str | None]] = {
    "ask-no-category": ("/ask", {"category": REMOVE}, "category", None),
    "ask-no-area": ("/ask", {"area": REMOVE}, "area", None),
    "ask-no-urgency": ("/ask", {"urgency": REMOVE}, "urgency", None),
    "ask-no-description": ("/ask", {"description": REMOVE}, "description", None),
    "ask-blank-description": ("/ask", {"description": "  \n "}, "description", None),
    "ask-one-letter": ("/ask", {"description": "x"}, "description", None),
    "ask-long-description": ("/ask", {"description": "d" * 1001}, "description", "d" * 1001),
    "ask-long-contact": ("/ask", {"contact": "c" * 201}, "contact", "c" * 201),
    "ask-long-name": ("/ask", {"preferred_name": "n" * 61}, "preferred_name", "n" * 61),
    "ask-long-pronouns": ("/ask", {"pronouns": "p" * 41}, "pronouns", "p" * 41),
    "ask-unknown-category": ("/ask", {"category": "weapons"}, "category", None),
    "ask-bad-slug-category": ("/ask", {"category": "../../etc"}, "category", None),
    "ask-uppercase-category": ("/ask", {"category": "FOOD"}, "category", None),
    "ask-unknown-area": ("/ask", {"area": "atlantis"}, "area", None),
    "ask-sql-area": ("/ask", {"area": "x' OR '1'='1"}, "area", None),
    "ask-unknown-urgency": ("/ask", {"urgency": "yesterday"}, "urgency", None),
    "ask-unknown-language": ("/ask", {"language": "xx"}, "language", None),
    "ask-window-bad-date": ("/ask", {**WINDOW, "window_start": "2031-13-45"}, "window_start", None),
    "ask-window-words": ("/ask", {**WINDOW, "window_start": "tomorrow"}, "window_start", None),
    "ask-window-past": ("/ask", {**WINDOW, "window_start": _date(-1)}, "window_start", None),
    "ask-window-far": ("/ask", {**WINDOW, "window_start": _date(400)}, "window_start", None),
    "ask-window-no-start": ("/ask", {**WINDOW, "window_start": ""}, "window_start", None),
    "ask-window-backwards": ("/ask", {**WINDOW, "window_end": _date(0)}, "window_end", None),
    "ask-window-no-end": ("/ask", {**WINDOW, "window_end": ""}, "window_end", None),
    "ask-nul": ("/ask", {"description": "soap\x00and towels"}, "description", None),
    "ask-escape": ("/ask", {"description": "soap \x1b[2J towels"}, "description", None),
    "ask-bell-contact": ("/ask", {"contact": "signal\x07"}, "contact", None),
    "ask-del-name": ("/ask", {"preferred_name": "Sam\x7f"}, "preferred_name", None),
    "ask-surrogate-free-c1": ("/ask", {"pronouns": "they\x85them"}, "pronouns", None),
    "offer-no-kind": ("/offer", {"kind": REMOVE}, "kind", None),
    "offer-no-category": ("/offer", {"category": REMOVE}, "category", None),
    "offer-no-areas": ("/offer", {"areas": REMOVE}, "areas", None),
    "offer-no-capacity": ("/offer", {"capacity": REMOVE}, "capacity", None),
    "offer-unknown-kind": ("/offer", {"kind": "spaceship"}, "kind", None),
    "offer-unknown-category": ("/offer", {"category": "weapons"}, "category", None),
    "offer-unknown-area": ("/offer", {"areas": ["eastside", "atlantis"]}, "areas", None),
    "offer-bad-slug-area": ("/offer", {"areas": ["East Side"]}, "areas", None),
    "offer-31-areas": ("/offer", {"areas": ["eastside"] * 31}, "areas", None),
    "offer-capacity-abc": ("/offer", {"capacity": "abc"}, "capacity", "abc"),
    "offer-capacity-zero": ("/offer", {"capacity": "0"}, "capacity", None),
    "offer-capacity-negative": ("/offer", {"capacity": "-1"}, "capacity", None),
    "offer-capacity-huge": ("/offer", {"capacity": str(10**9)}, "capacity", str(10**9)),
    "offer-capacity-501": ("/offer", {"capacity": "501"}, "capacity", None),
    "offer-capacity-decimal": ("/offer", {"capacity": "1.5"}, "capacity", None),
    "offer-capacity-empty": ("/offer", {"capacity": ""}, "capacity", None),
    "offer-capacity-overflow": ("/offer", {"capacity": "9" * 400}, "capacity", None),
    "offer-bad-date": ("/offer", {"available_from": "2031-02-30"}, "available_from", None),
    "offer-past-date": ("/offer", {"available_from": _date(-3)}, "available_from", None),
    "offer-until-before-from": (
        "/offer",
        {"available_from": _date(5), "available_until": _date(4)},
        "available_until",
        None,
    ),
    "offer-long-notes": ("/offer", {"notes": "n" * 501}, "notes", "n" * 501),
    "offer-nul-notes": ("/offer", {"notes": "rides\x00"}, "notes", None),
    "offer-unknown-language": ("/offer", {"language": "klingon"}, "language", None),
}


async def _good_form(client: httpx2.AsyncClient, path: str) -> dict[str, Any]:
    page = await client.get(path)
    form_id = page.text.split('name="form_id" value="', 1)[1].split('"', 1)[0]
    base: dict[str, Any] = need_form() if path == "/ask" else dict(OFFER)
    return {"csrf_token": token_in(page), "form_id": form_id, **base}


@pytest.mark.parametrize("case", list(CASES))
async def test_bad_fields_are_explained_kept_and_not_stored(
    client: httpx2.AsyncClient, db: Database, case: str
) -> None:
    path, changes, field, kept = CASES[case]
    body = await _good_form(client, path)
    for name, value in changes.items():
        if value is REMOVE:
            del body[name]
        else:
            body[name] = value
    before = await stored()
    response = await client.post(path, data=body)
    assert response.status_code == 422
    assert str(escape(FIELD_MESSAGES[field])) in response.text
    assert "Nothing you typed was lost." in response.text
    assert f'id="{field}-error"' in response.text
    assert not CODENAME.search(response.text)
    if kept is not None:
        assert str(escape(kept)) in response.text
    assert_security_headers(response)
    assert await stored() == before


@pytest.mark.parametrize("path", ["/ask", "/offer"])
async def test_the_good_forms_used_above_are_accepted(
    client: httpx2.AsyncClient, db: Database, path: str
) -> None:
    """The control: without the bad change, the same form goes through."""
    response = await client.post(path, data=await _good_form(client, path))
    assert response.status_code == 200
    assert CODENAME.search(response.text)


async def test_a_window_need_with_good_dates_is_accepted(
    client: httpx2.AsyncClient, db: Database
) -> None:
    body = {**(await _good_form(client, "/ask")), **WINDOW}
    response = await client.post("/ask", data=body)
    assert response.status_code == 200


@pytest.mark.parametrize("path", ["/ask", "/offer"])
async def test_a_body_over_the_limit_gets_a_kind_413(
    client: httpx2.AsyncClient, db: Database, path: str
) -> None:
    body = await _good_form(client, path)
    body["notes" if path == "/offer" else "description"] = "x" * (65 * 1024)
    before = await stored()
    response = await client.post(path, data=body)
    assert response.status_code == 413
    assert "That was more than we can take" in response.text
    assert "Nothing was saved" in response.text
    assert_security_headers(response)
    assert await stored() == before


async def test_a_streamed_body_over_the_limit_gets_a_kind_413(
    client: httpx2.AsyncClient, db: Database
) -> None:
    body = await _good_form(client, "/ask")
    encoded = httpx2.QueryParams(body).__str__().encode()

    async def chunks() -> AsyncIterator[bytes]:
        yield encoded + b"&description="
        for _ in range(80):
            yield b"y" * 1024

    before = await stored()
    response = await client.post(
        "/ask",
        content=chunks(),
        headers={"Content-Type": "application/x-www-form-urlencoded"},
    )
    assert response.status_code == 413
    assert "That was more than we can take" in response.text
    assert await stored() == before


async def test_a_body_just_under_the_limit_is_read_and_explained(
    client: httpx2.AsyncClient, db: Database
) -> None:
    body = await _good_form(client, "/ask")
    body["description"] = "z" * (60 * 1024)
    before = await stored()
    response = await client.post("/ask", data=body)
    assert response.status_code == 422
    assert str(escape(FIELD_MESSAGES["description"])) in response.text
    assert await stored() == before


@pytest.mark.parametrize(
    "tail",
    [b"&description=%ff%fe", b"&description=caf\xc3\xa9", b"&description=%c3%28", b"\xff=1"],
    ids=["percent-invalid-utf8", "raw-non-ascii", "percent-truncated-utf8", "raw-invalid"],
)
@pytest.mark.parametrize("path", ["/ask", "/offer", "/check"])
async def test_undecodable_bodies_get_400(
    client: httpx2.AsyncClient, db: Database, path: str, tail: bytes
) -> None:
    body = await _good_form(client, path if path != "/check" else "/ask")
    encoded = str(httpx2.QueryParams(body)).encode() + tail
    before = await stored()
    response = await client.post(
        path, content=encoded, headers={"Content-Type": "application/x-www-form-urlencoded"}
    )
    assert response.status_code == 400
    assert "couldn&#39;t read that" in response.text
    assert_security_headers(response)
    assert await stored() == before


@pytest.mark.parametrize(
    ("content_type", "content"),
    [
        ("application/json", b'{"category": "food", "description": "json please"}'),
        ("text/plain", b"category=food&description=plain"),
        (
            "multipart/form-data; boundary=xyz",
            b'--xyz\r\nContent-Disposition: form-data; name="category"\r\n\r\nfood\r\n--xyz--\r\n',
        ),
        ("application/xml", b"<need/>"),
        ("", b"category=food"),
    ],
    ids=["json", "text", "multipart", "xml", "none"],
)
@pytest.mark.parametrize("path", ["/ask", "/offer"])
async def test_other_content_types_get_415(
    client: httpx2.AsyncClient, db: Database, path: str, content_type: str, content: bytes
) -> None:
    token = token_in(await client.get(path))
    headers = {"X-CSRF-Token": token}
    if content_type:
        headers["Content-Type"] = content_type
    before = await stored()
    response = await client.post(path, content=content, headers=headers)
    assert response.status_code == 415
    assert "couldn&#39;t read that" in response.text
    assert await stored() == before


async def test_a_real_multipart_upload_gets_415(client: httpx2.AsyncClient, db: Database) -> None:
    body = await _good_form(client, "/ask")
    before = await stored()
    response = await client.post(
        "/ask", data=body, files={"attachment": ("id.jpg", b"\xff\xd8\xff", "image/jpeg")}
    )
    assert response.status_code == 415
    assert await stored() == before


async def test_too_many_fields_get_400(client: httpx2.AsyncClient, db: Database) -> None:
    body = await _good_form(client, "/offer")
    encoded = str(httpx2.QueryParams(body)) + "&areas=eastside" * 120
    before = await stored()
    response = await client.post(
        "/offer",
        content=encoded.encode(),
        headers={"Content-Type": "application/x-www-form-urlencoded"},
    )
    assert response.status_code == 400
    assert await stored() == before


async def test_thousands_of_tiny_fields_get_400(client: httpx2.AsyncClient, db: Database) -> None:
    body = await _good_form(client, "/ask")
    encoded = str(httpx2.QueryParams(body)) + "&a=" * 5000
    response = await client.post(
        "/ask",
        content=encoded.encode(),
        headers={"Content-Type": "application/x-www-form-urlencoded"},
    )
    assert response.status_code == 400


@pytest.mark.parametrize(
    "repeated",
    [
        [("category", "weapons"), ("category", "food")],
        [("category", "food"), ("category", "weapons")],
        [("description", "first"), ("description", "second")],
        [("urgency", "now")] * 40,
        [("form_id", "a" * 20), ("form_id", "b" * 20)],
    ],
    ids=["bad-then-good", "good-then-bad", "two-descriptions", "forty-urgencies", "two-form-ids"],
)
async def test_repeated_fields_never_crash_and_store_at_most_one(
    client: httpx2.AsyncClient, db: Database, repeated: list[tuple[str, str]]
) -> None:
    body = await _good_form(client, "/ask")
    names = {name for name, _ in repeated}
    pairs = [(k, v) for k, v in body.items() if k not in names] + repeated
    before = await stored()
    response = await client.post(
        "/ask",
        content=str(httpx2.QueryParams(pairs)).encode(),
        headers={"Content-Type": "application/x-www-form-urlencoded"},
    )
    assert response.status_code in (200, 422)
    after = await stored()
    assert len(after["needs"]) - len(before["needs"]) == (response.status_code == 200)


async def test_nul_in_a_field_name_is_ignored(client: httpx2.AsyncClient, db: Database) -> None:
    body = await _good_form(client, "/ask")
    description = body.pop("description")
    pairs = [*body.items(), ("description\x00", description)]
    before = await stored()
    response = await client.post(
        "/ask",
        content=str(httpx2.QueryParams(pairs)).encode(),
        headers={"Content-Type": "application/x-www-form-urlencoded"},
    )
    assert response.status_code == 422
    assert await stored() == before
