"""The app-wide CSRF walk (tests/web/test_csrf.py) compares `stored()`, which doesn't see a
match's status or consent; here forged accepts and consents are checked against the match."""

from __future__ import annotations

import secrets

import httpx2

from mutualaid.storage.models import Match
from tests.conftest import Database
from tests.helping.conftest import matched_with_community, matched_with_organization
from tests.pledges.conftest import organization, sign_in_member
from tests.web.conftest import token_in


async def _match_state(match_id: object) -> tuple[str, bool]:
    row = await Match.get(id=match_id)
    return row.status, bool(row.contact_shared)


async def test_forged_accepts_and_consents_change_nothing(
    client: httpx2.AsyncClient, db: Database
) -> None:
    org = await organization(db)
    by_org = await matched_with_organization(client, db, org)
    by_member = await matched_with_community(client, db)
    assert by_member.offer_codename
    await sign_in_member(client, db, org)
    rows = [await Match.get(need_id=m.need_id) for m in (by_org, by_member)]
    before = [await _match_state(row.id) for row in rows]
    attempts = [
        (f"{by_org.page}/accept", {}),
        ("/check/consent", {"codename": by_org.codename, "share": "yes"}),
        (
            "/check/offer/match",
            {
                "codename": by_member.offer_codename,
                "need_id": str(by_member.need_id),
                "action": "accept",
            },
        ),
    ]
    token_in(await client.get("/check"))  # the browser has its cookie
    for path, fields in attempts:
        for headers, token in (
            ({}, secrets.token_hex(32)),
            ({"Sec-Fetch-Site": "cross-site"}, None),
            ({"Origin": "https://attacker.example"}, None),
        ):
            real = token_in(await client.get("/check"))
            body = {"csrf_token": token or real, **fields}
            response = await client.post(path, data=body, headers=headers)
            assert response.status_code == 403, (path, headers)
    assert [await _match_state(row.id) for row in rows] == before
