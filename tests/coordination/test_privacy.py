"""The console keeps the promises: coordinators' messages are encrypted at rest (promise 4),
contact details leave the database when a need closes (promise 4), and the audit log and
the logs hold ids, never anyone's words (promises 2 and 8)."""

from __future__ import annotations

import logging
import uuid

import httpx2
import pytest

from mutualaid.storage.db import connection
from mutualaid.storage.models import AuditEvent
from tests.conftest import CANARY_CLIENT, Database, csrf_token
from tests.coordination.conftest import a_need, an_offer
from tests.pledges.conftest import sign_in_coordinator
from tests.privacy.conftest import canary, stored_text_contains


async def post(client: httpx2.AsyncClient, path: str, data: dict[str, str]) -> httpx2.Response:
    token = await csrf_token(client, "/check")
    return await client.post(path, data={"csrf_token": token, **data})


async def test_a_coordinators_message_is_stored_encrypted(
    client: httpx2.AsyncClient, db: Database
) -> None:
    await sign_in_coordinator(client, db)
    need = await a_need(db)
    secret = canary("coordinator-message")
    response = await post(client, f"/staff/needs/{need}/message", {"body": f"Meet at {secret}"})
    assert response.status_code == 303
    assert secret in (await client.get(f"/staff/needs/{need}")).text  # readable through the app
    assert not await stored_text_contains(db, secret)  # never as plaintext in the database


async def _raw_contact(need_id: uuid.UUID) -> object:
    """The contact column as stored, ciphertext or NULL, bypassing the model."""
    placeholder = "?" if db_is_sqlite() else "$1"
    _, rows = await connection().execute_query(
        f"SELECT contact FROM need WHERE id = {placeholder}",
        [str(need_id) if db_is_sqlite() else need_id],
    )
    return dict(rows[0])["contact"]


def db_is_sqlite() -> bool:
    return connection().capabilities.dialect == "sqlite"


@pytest.mark.parametrize("outcome", ["fulfilled", "unmet", "withdrawn"])
async def test_closing_leaves_no_contact_in_the_database(
    client: httpx2.AsyncClient, db: Database, outcome: str
) -> None:
    await sign_in_coordinator(client, db)
    need = await a_need(db, contact=canary("contact"))
    assert await _raw_contact(need) is not None
    if outcome == "fulfilled":
        await post(client, f"/staff/needs/{need}/match", {"offer_id": str(await an_offer())})
    response = await post(client, f"/staff/needs/{need}/close", {"outcome": outcome})
    assert response.status_code == 303
    assert await _raw_contact(need) is None


async def test_the_audit_log_and_the_logs_hold_ids_never_words(
    client: httpx2.AsyncClient, db: Database, caplog: pytest.LogCaptureFixture
) -> None:
    staff_id = await sign_in_coordinator(client, db)
    words = {
        "description": canary("description"),
        "contact": canary("contact"),
        "preferred_name": canary("name"),
    }
    need = await a_need(db, **words)
    message = canary("message")
    with caplog.at_level(logging.DEBUG):
        await client.get("/staff/queue")
        await client.get(f"/staff/needs/{need}")
        await post(client, f"/staff/needs/{need}/message", {"body": message})
        await post(client, f"/staff/needs/{need}/match", {"offer_id": str(await an_offer())})
        await post(client, f"/staff/needs/{need}/close", {"outcome": "fulfilled"})
    events = await AuditEvent.filter(staff_id=staff_id).values_list(
        "action", "record_type", "record_id"
    )
    actions = {action for action, _, _ in events}
    assert {"need.view", "need.message", "match.propose", "need.fulfilled"} <= actions
    for secret in [*words.values(), message]:
        assert all(secret not in str(event) for event in events)
        assert secret not in caplog.text
    assert CANARY_CLIENT[0] not in caplog.text
