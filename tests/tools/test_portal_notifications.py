"""Organizations choose where their notifications go: set, clear, refuse anything that isn't
one plain address, keep what was typed, audit the change, and never show it publicly."""

from __future__ import annotations

import httpx2
import pytest
from markupsafe import escape

from mutualaid.storage.models import AuditEvent, Organization
from mutualaid.web.tools_forms import TOOLS_FIELD_MESSAGES
from tests.conftest import Database, post_form
from tests.pledges.conftest import (
    organization,
    pledge,
    sign_in_coordinator,
    sign_in_member,
)
from tests.tools.conftest import tools_state

ADDRESS = "alerts-quokka@example.org"


async def _address(org_id: object) -> str | None:
    return (await Organization.get(id=org_id)).notification_email


async def test_members_set_and_clear_their_address(
    client: httpx2.AsyncClient, db: Database
) -> None:
    org = await organization(db)
    member = await sign_in_member(client, db, org)
    home = await client.get("/portal")
    assert home.status_code == 200
    assert 'action="/portal/notifications"' in home.text
    assert 'name="notification_email"' in home.text
    page = await client.get("/portal/notifications")
    assert "Notifications are off" in page.text
    assert 'id="smtp-off"' in page.text  # this test site sends no email

    response = await post_form(
        client, "/portal/notifications", {"notification_email": f"  {ADDRESS} ", "action": "save"}
    )
    assert response.status_code == 303
    assert response.headers["location"] == "/portal/notifications?done=saved"
    assert await _address(org) == ADDRESS
    page = await client.get(response.headers["location"])
    assert f"Notifications go to: {ADDRESS}" in page.text
    assert f'value="{ADDRESS}"' in page.text
    event = await AuditEvent.get(action="organization.notify_set")
    assert (event.staff_id, event.record_type, event.record_id) == (
        member,
        "organization",
        str(org),
    )

    # The "stop" button clears it, whatever the field holds.
    response = await post_form(
        client, "/portal/notifications", {"notification_email": ADDRESS, "action": "clear"}
    )
    assert response.headers["location"] == "/portal/notifications?done=cleared"
    assert await _address(org) is None
    assert await AuditEvent.filter(action="organization.notify_clear").count() == 1
    assert "Notifications are off" in (await client.get("/portal/notifications")).text


async def test_a_button_less_submit_saves(client: httpx2.AsyncClient, db: Database) -> None:
    org = await organization(db)
    await sign_in_member(client, db, org)
    response = await post_form(client, "/portal/notifications", {"notification_email": ADDRESS})
    assert response.status_code == 303
    assert await _address(org) == ADDRESS


BAD = {
    "empty-save": "",
    "spaces": "   ",
    "no-at": "alerts.example.org",
    "no-domain-dot": "alerts@example",
    "two-ats": "a@b@example.org",
    "display-name": "Alerts <alerts@example.org>",
    "list": "a@example.org, b@example.org",
    "header-injection": "a@example.org\r\nBcc: evil@example.org",
    "nul": "a@example.org\x00",
    "unicode-domain": "a@exämple.org",
    "long": "a" * 190 + "@example.org",
    "long-local": "a" * 65 + "@example.org",
    "html": '"><script>alert(1)</script>@example.org',
}


@pytest.mark.parametrize("case", BAD, ids=str)
async def test_anything_but_one_plain_address_is_refused_kindly(
    client: httpx2.AsyncClient, db: Database, case: str
) -> None:
    org = await organization(db)
    await sign_in_member(client, db, org)
    await post_form(client, "/portal/notifications", {"notification_email": ADDRESS})
    before = await tools_state()
    value = BAD[case]
    response = await post_form(
        client, "/portal/notifications", {"notification_email": value, "action": "save"}
    )
    assert response.status_code == 422
    assert str(escape(TOOLS_FIELD_MESSAGES["notification_email"])) in response.text
    assert "Nothing you typed was lost" in response.text
    assert "<script>alert" not in response.text
    if case in ("display-name", "list", "two-ats", "html"):
        assert f'value="{escape(value)}"' in response.text
    assert await tools_state() == before
    assert await _address(org) == ADDRESS


async def test_an_unknown_action_is_refused(client: httpx2.AsyncClient, db: Database) -> None:
    org = await organization(db)
    await sign_in_member(client, db, org)
    response = await post_form(
        client, "/portal/notifications", {"notification_email": ADDRESS, "action": "delete-all"}
    )
    assert response.status_code == 422
    assert await _address(org) is None


async def test_the_address_is_never_shown_publicly(
    client: httpx2.AsyncClient, db: Database
) -> None:
    org = await organization(db)
    await pledge(db, org)
    await Organization.filter(id=org).update(notification_email=ADDRESS)
    for path in ("/services", "/services.json", "/", "/privacy"):
        response = await client.get(path)
        assert response.status_code == 200, path
        assert "alerts-quokka" not in response.text, path


async def test_only_organization_members_reach_it(client: httpx2.AsyncClient, db: Database) -> None:
    before = await tools_state()
    response = await post_form(client, "/portal/notifications", {"notification_email": ADDRESS})
    assert response.status_code == 303
    assert response.headers["location"] == "/staff/login"
    await sign_in_coordinator(client, db)
    assert (await client.get("/portal/notifications")).status_code == 404
    response = await post_form(client, "/portal/notifications", {"notification_email": ADDRESS})
    assert response.status_code == 404
    state = await tools_state()
    assert state["addresses"] == before["addresses"]


async def test_each_organization_changes_only_its_own(
    client: httpx2.AsyncClient, db: Database
) -> None:
    mine = await organization(db)
    theirs = await organization(db)
    await Organization.filter(id=theirs).update(notification_email="theirs@example.org")
    await sign_in_member(client, db, mine)
    page = await client.get("/portal/notifications")
    assert "theirs@example.org" not in page.text
    await post_form(client, "/portal/notifications", {"notification_email": ADDRESS})
    assert await _address(mine) == ADDRESS
    assert await _address(theirs) == "theirs@example.org"
