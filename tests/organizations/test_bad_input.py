"""Bad input on every organization form: a kind answer per field, what was typed kept (never
a password), nothing stored, never a 500. Forged posts are refused before anything happens."""

from __future__ import annotations

import secrets
from typing import Any

import httpx2
import pytest
from markupsafe import escape

from mutualaid.domain.organizations import WORKSHEET_QUESTIONS
from mutualaid.services import organizations as orgs
from mutualaid.storage.models import Organization
from mutualaid.web.org_forms import ORGANIZATION_FIELD_MESSAGES, PASSWORD_MESSAGES
from tests.conftest import Database, approved_organization, make_staff
from tests.organizations.conftest import (
    APPLICANT_PASSWORD,
    NewClient,
    application,
    pending_organization,
    signed_in,
    snapshot,
)
from tests.web.conftest import assert_security_headers, token_in

REMOVE = None
MESSAGES = {**ORGANIZATION_FIELD_MESSAGES, **{f"pw-{k}": v for k, v in PASSWORD_MESSAGES.items()}}

#: case -> (changes to a good application, the message key shown, text that must be kept)
APPLY_CASES: dict[str, tuple[dict[str, Any], str, str | None]] = {
    "no-name": ({"name": REMOVE}, "name", None),
    "blank-name": ({"name": "   "}, "name", None),
    "long-name": ({"name": "n" * 121}, "name", "n" * 121),
    "nul-name": ({"name": "Night\x00Owls"}, "name", None),
    "no-description": ({"description": REMOVE}, "description", None),
    "short-description": ({"description": "food"}, "description", "food"),
    "huge-description": ({"description": "d" * 30_000}, "description", "d" * 30_000),
    "escape-description": ({"description": "Showers \x1b[2J and laundry"}, "description", None),
    "no-areas": ({"areas": REMOVE}, "areas", None),
    "unknown-area": ({"areas": ["downtown", "atlantis"]}, "areas", None),
    "bad-slug-area": ({"areas": ["Down Town"]}, "areas", None),
    "sql-area": ({"areas": ["x' OR '1'='1"]}, "areas", None),
    "31-areas": ({"areas": ["downtown"] * 31}, "areas", None),
    "no-languages": ({"languages": REMOVE}, "languages", None),
    "unknown-language": ({"languages": ["en", "klingon"]}, "languages", None),
    "no-contact": ({"public_contact": REMOVE}, "public_contact", None),
    "long-contact": ({"public_contact": "c" * 201}, "public_contact", "c" * 201),
    "bell-contact": ({"public_contact": "desk@example.org\x07"}, "public_contact", None),
    "no-credit": ({"credit": REMOVE}, "credit", None),
    "unknown-credit": ({"credit": "famous"}, "credit", None),
    "no-answer": ({"end_demand": REMOVE}, "end_demand", None),
    "unknown-answer": ({"police_or_courts": "maybe"}, "police_or_courts", None),
    "uppercase-answer": ({"proof_of_trafficking": "NO"}, "proof_of_trafficking", None),
    "long-notes": ({"worksheet_notes": "w" * 2001}, "worksheet_notes", "w" * 2001),
    "nul-notes": ({"worksheet_notes": "grant\x00"}, "worksheet_notes", None),
    "no-commitment": ({"no_strings_commitment": REMOVE}, "no_strings_commitment", None),
    "odd-commitment": ({"no_strings_commitment": "on"}, "no_strings_commitment", None),
    "no-username": ({"username": REMOVE}, "username", None),
    "short-username": ({"username": "ab"}, "username", "ab"),
    "spaced-username": ({"username": "night owls"}, "username", "night owls"),
    "html-username": ({"username": "<b>owl</b>"}, "username", "<b>owl</b>"),
    "no-password": ({"password": REMOVE}, "password", None),
    "short-password": ({"password": "tiny", "confirm": "tiny"}, "pw-short", None),
    "long-password": ({"password": "p" * 257, "confirm": "p" * 257}, "password", None),
    "username-in-password": (
        {"username": "nightowl", "password": "nightowl rides again 2031"},
        "pw-username",
        None,
    ),
    "repetitive-password": ({"password": "abab" * 5, "confirm": "abab" * 5}, "pw-repetitive", None),
    "mismatch": ({"confirm": APPLICANT_PASSWORD + "!"}, "confirm", None),
}


def _form(page: httpx2.Response, values: dict[str, Any]) -> dict[str, Any]:
    body: dict[str, Any] = {"csrf_token": token_in(page), **values}
    if 'name="form_id"' in page.text:
        body["form_id"] = page.text.split('name="form_id" value="', 1)[1].split('"', 1)[0]
    return body


def _changed(changes: dict[str, Any]) -> dict[str, Any]:
    values = application()
    for name, value in changes.items():
        if value is REMOVE:
            values.pop(name, None)
        else:
            values[name] = value
    return values


@pytest.mark.parametrize("case", list(APPLY_CASES))
async def test_bad_applications_are_explained_kept_and_not_stored(
    client: httpx2.AsyncClient, db: Database, case: str
) -> None:
    changes, key, kept = APPLY_CASES[case]
    values = _changed(changes)
    page = await client.get("/organizations/apply")
    before = await snapshot()
    response = await client.post("/organizations/apply", data=_form(page, values))
    assert response.status_code == 422, case
    assert str(escape(MESSAGES[key])) in response.text
    field = "password" if key.startswith("pw-") else key
    assert f'id="{field}-error"' in response.text
    assert "Nothing you typed was lost." in response.text
    if kept is not None:
        assert str(escape(kept)) in response.text
    # Everything else typed is still there, except passwords, which are never sent back.
    if "description" not in changes:
        assert str(escape(values["description"])) in response.text
    if "password" in values:
        assert str(escape(values["password"])) not in response.text
    assert_security_headers(response)
    assert await snapshot() == before


async def test_the_good_application_used_above_is_accepted(
    client: httpx2.AsyncClient, db: Database
) -> None:
    """The control: without the bad change, the same application goes through."""
    page = await client.get("/organizations/apply")
    response = await client.post("/organizations/apply", data=_form(page, application()))
    assert response.status_code == 200
    assert await Organization.all().count() == 1


async def test_chosen_answers_and_areas_are_kept_on_error(
    client: httpx2.AsyncClient, db: Database
) -> None:
    values = _changed({"name": REMOVE, "end_demand": "unsure", "credit": "anonymous"})
    page = await client.get("/organizations/apply")
    response = await client.post("/organizations/apply", data=_form(page, values))
    assert response.status_code == 422
    text = response.text
    assert 'name="end_demand" value="unsure" checked' in text
    assert 'name="credit" value="anonymous" checked' in text
    assert 'name="areas" value="eastside" checked' in text
    assert 'name="languages" value="es" checked' in text
    assert 'name="no_strings_commitment" value="yes" checked' in text


async def test_a_taken_username_is_explained(client: httpx2.AsyncClient, db: Database) -> None:
    await make_staff(db, role="coordinator", username="nightowl")
    page = await client.get("/organizations/apply")
    before = await snapshot()
    response = await client.post(
        "/organizations/apply", data=_form(page, application(username="NightOwl"))
    )
    assert response.status_code == 422
    assert str(escape(ORGANIZATION_FIELD_MESSAGES["taken"])) in response.text
    assert await snapshot() == before
    # The same form may be sent again once the username is changed.
    retry = await client.post(
        "/organizations/apply", data=_form(page, application(username="nightowl2"))
    )
    assert retry.status_code == 200


async def test_sending_the_same_application_twice_keeps_one(
    client: httpx2.AsyncClient, db: Database
) -> None:
    page = await client.get("/organizations/apply")
    body = _form(page, application())
    assert (await client.post("/organizations/apply", data=body)).status_code == 200
    again = await client.post("/organizations/apply", data=body)
    assert again.status_code == 409
    assert "We already have your application" in again.text
    assert await Organization.all().count() == 1


async def test_every_worksheet_question_must_be_answered(
    client: httpx2.AsyncClient, db: Database
) -> None:
    values = _changed(dict.fromkeys(WORKSHEET_QUESTIONS, REMOVE))
    page = await client.get("/organizations/apply")
    response = await client.post("/organizations/apply", data=_form(page, values))
    assert response.status_code == 422
    for key in WORKSHEET_QUESTIONS:
        assert f'id="{key}-error"' in response.text
        assert f'href="#{key}"' in response.text


async def test_a_body_over_the_limit_gets_a_kind_413(
    client: httpx2.AsyncClient, db: Database
) -> None:
    page = await client.get("/organizations/apply")
    before = await snapshot()
    response = await client.post(
        "/organizations/apply", data=_form(page, application(description="x" * 70_000))
    )
    assert response.status_code == 413
    assert await snapshot() == before


async def test_malformed_bodies_are_refused_not_crashed(
    client: httpx2.AsyncClient, db: Database
) -> None:
    page = await client.get("/organizations/apply")
    token = token_in(page)
    before = await snapshot()
    for body in (b"name=%ff%fe", b"areas=caf\xc3\xa9", b"\xff=1"):
        response = await client.post(
            "/organizations/apply",
            content=f"csrf_token={token}&".encode() + body,
            headers={"Content-Type": "application/x-www-form-urlencoded"},
        )
        assert response.status_code == 400
    assert await snapshot() == before


# --- Joining -----------------------------------------------------------------------------

JOIN_CASES: dict[str, tuple[dict[str, str], str, str | None]] = {
    "no-username": ({"username": ""}, "username", None),
    "bad-username": ({"username": "a b\x00"}, "username", None),
    "huge-username": ({"username": "u" * 20_000}, "username", None),
    "short-password": ({"password": "short", "confirm": "short"}, "pw-short", None),
    "mismatch": ({"confirm": "something else entirely 9"}, "confirm", None),
    "no-password": ({"password": "", "confirm": ""}, "password", None),
}


@pytest.mark.parametrize("case", list(JOIN_CASES))
async def test_bad_joins_are_explained_and_the_link_still_works(
    client: httpx2.AsyncClient, db: Database, case: str
) -> None:
    org_id = await approved_organization(db)
    member, _ = await make_staff(db, role="organization", organization_id=org_id)
    token = await orgs.invite_member(org_id, by=member)
    changes, key, _ = JOIN_CASES[case]
    values = {
        "username": "new.colleague",
        "password": APPLICANT_PASSWORD,
        "confirm": APPLICANT_PASSWORD,
        **changes,
    }
    page = await client.get(f"/join/{token}")
    before = await snapshot()
    response = await client.post(f"/join/{token}", data=_form(page, values))
    assert response.status_code == 422
    assert str(escape(MESSAGES[key])) in response.text
    assert APPLICANT_PASSWORD not in response.text
    if case == "mismatch":
        assert 'value="new.colleague"' in response.text
    assert await snapshot() == before
    assert await orgs.member_invitation(token) == "Night Owls Collective"


async def test_a_taken_username_when_joining_is_explained(
    client: httpx2.AsyncClient, db: Database
) -> None:
    org_id = await approved_organization(db)
    member, _ = await make_staff(db, role="organization", organization_id=org_id, username="owl")
    token = await orgs.invite_member(org_id, by=member)
    page = await client.get(f"/join/{token}")
    values = {"username": "OWL", "password": APPLICANT_PASSWORD, "confirm": APPLICANT_PASSWORD}
    response = await client.post(f"/join/{token}", data=_form(page, values))
    assert response.status_code == 422
    assert str(escape(ORGANIZATION_FIELD_MESSAGES["taken"])) in response.text


async def test_an_organization_name_is_escaped_on_the_join_page(
    client: httpx2.AsyncClient, db: Database
) -> None:
    org_id = await approved_organization(db, name="<img src=x>")
    member, _ = await make_staff(db, role="organization", organization_id=org_id)
    token = await orgs.invite_member(org_id, by=member)
    page = await client.get(f"/join/{token}")
    assert "<img src=x>" not in page.text
    assert str(escape("<img src=x>")) in page.text


# --- Forged requests ---------------------------------------------------------------------


async def _route_cases(
    db: Database, new_client: NewClient
) -> list[tuple[str, httpx2.AsyncClient, str, dict[str, Any]]]:
    """Every organization POST route, as the person it is for: (name, browser, path, fields)."""
    pending = await pending_organization(db)
    to_suspend = await approved_organization(db, name="To Suspend")
    to_reinstate = await approved_organization(db, name="To Reinstate")
    own = await approved_organization(db)
    coordinator, coordinator_id = await signed_in(new_client, db, "coordinator")
    await orgs.suspend_organization(to_reinstate, by=coordinator_id)
    member, member_id = await signed_in(new_client, db, "organization", own)
    join_token = await orgs.invite_member(own, by=member_id)
    anonymous = await new_client()
    base = "/staff/organizations"
    return [
        ("apply", anonymous, "/organizations/apply", application()),
        (
            "join",
            anonymous,
            f"/join/{join_token}",
            {"username": "joiner", "password": APPLICANT_PASSWORD, "confirm": APPLICANT_PASSWORD},
        ),
        ("invite", coordinator, f"{base}/invite", {}),
        ("approve", coordinator, f"{base}/{pending}/approve", {}),
        ("suspend", coordinator, f"{base}/{to_suspend}/suspend", {}),
        ("reinstate", coordinator, f"{base}/{to_reinstate}/reinstate", {}),
        ("member-invite", member, "/portal/members/invite", {}),
    ]


@pytest.mark.parametrize(
    "attack", ["no-token", "forged-token", "cross-site", "foreign-origin", "no-cookie"]
)
async def test_forged_posts_are_refused_and_change_nothing(
    client: httpx2.AsyncClient, db: Database, new_client: NewClient, attack: str
) -> None:
    cases = await _route_cases(db, new_client)
    before = await snapshot()
    for name, browser, path, fields in cases:
        page = await browser.get("/check")
        body = {"csrf_token": token_in(page), **fields}
        headers: dict[str, str] = {}
        if attack == "no-token":
            del body["csrf_token"]
        elif attack == "forged-token":
            body["csrf_token"] = secrets.token_hex(32)
        elif attack == "cross-site":
            headers["Sec-Fetch-Site"] = "cross-site"
        elif attack == "foreign-origin":
            headers["Origin"] = "https://attacker.example"
        elif attack == "no-cookie":
            session = browser.cookies.get("session")
            browser.cookies.clear()
            if session:
                browser.cookies.set("session", session)
        response = await browser.post(path, data=body, headers=headers)
        assert response.status_code == 403, (attack, name)
        assert "Nothing was saved" in response.text
        assert_security_headers(response)
    assert await snapshot() == before


async def test_the_same_posts_with_their_tokens_are_accepted(
    client: httpx2.AsyncClient, db: Database, new_client: NewClient
) -> None:
    """The control for the test above: each of those requests would have done something."""
    for name, browser, path, fields in await _route_cases(db, new_client):
        before = await snapshot()
        page = await browser.get("/check")
        response = await browser.post(path, data={"csrf_token": token_in(page), **fields})
        assert response.status_code in (200, 303), name
        assert await snapshot() != before, name
