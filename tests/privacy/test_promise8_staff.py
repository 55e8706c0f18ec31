"""Privacy promise 8: staff are accountable.

argon2id passwords with OWASP parameters, HttpOnly SameSite=Strict session cookies (Secure
and __Host- over TLS), a second factor for coordinators, a role check on every route, and an
audit log that names the staff member and the record id but never a member's words. Those are
tested where they live; this module collects them (an imported test function runs as part of
this module) and adds one check over the whole audit log after a coordinator's working day.
"""

from __future__ import annotations

import httpx2

from mutualaid.storage.models import AuditEvent
from tests.conftest import Database
from tests.coordination.conftest import a_need, an_offer
from tests.coordination.test_privacy import test_the_audit_log_and_the_logs_hold_ids_never_words
from tests.organizations.conftest import new_client
from tests.organizations.test_web import (
    test_a_member_of_one_organization_sees_nothing_of_another,
    test_coordinators_get_404_for_member_routes,
    test_organization_members_get_404_for_coordinator_routes,
)
from tests.pledges.conftest import sign_in_coordinator
from tests.privacy.conftest import canary
from tests.staff.test_sign_in import (
    test_a_coordinator_signs_in_with_password_then_code,
    test_coordinators_must_set_up_a_second_factor_first,
    test_over_tls_the_cookie_is_secure_and_host_prefixed,
    test_passwords_use_argon2id_with_owasp_parameters,
    test_session_cookies_are_http_only_strict_and_host_only,
    test_the_audit_log_and_dead_sessions_are_purged_on_schedule,
    test_the_stored_password_is_an_argon2id_hash,
)
from tests.web.test_audiences import (
    test_anonymous_visitors_are_sent_to_sign_in,
    test_each_role_reaches_only_its_own_routes,
)

__all__ = [
    "new_client",
    "test_a_coordinator_signs_in_with_password_then_code",
    "test_a_member_of_one_organization_sees_nothing_of_another",
    "test_anonymous_visitors_are_sent_to_sign_in",
    "test_coordinators_get_404_for_member_routes",
    "test_coordinators_must_set_up_a_second_factor_first",
    "test_each_role_reaches_only_its_own_routes",
    "test_organization_members_get_404_for_coordinator_routes",
    "test_over_tls_the_cookie_is_secure_and_host_prefixed",
    "test_passwords_use_argon2id_with_owasp_parameters",
    "test_session_cookies_are_http_only_strict_and_host_only",
    "test_the_audit_log_and_dead_sessions_are_purged_on_schedule",
    "test_the_audit_log_and_the_logs_hold_ids_never_words",
    "test_the_stored_password_is_an_argon2id_hash",
]


async def _post(client: httpx2.AsyncClient, path: str, data: dict[str, str]) -> httpx2.Response:
    from tests.conftest import csrf_token

    token = await csrf_token(client, "/staff")
    return await client.post(path, data={"csrf_token": token, **data})


async def test_every_audit_event_names_who_and_what_and_nothing_else(
    client: httpx2.AsyncClient, db: Database
) -> None:
    staff_id = await sign_in_coordinator(client, db)
    # Only what this coordinator does from here on (the account's creation was the system's).
    before = set(await AuditEvent.all().values_list("id", flat=True))
    words = [canary("description"), canary("contact"), canary("name"), canary("message")]
    need = await a_need(db, description=words[0], contact=words[1], preferred_name=words[2])
    await client.get(f"/staff/needs/{need}")
    await _post(client, f"/staff/needs/{need}/message", {"body": words[3]})
    await _post(client, f"/staff/needs/{need}/match", {"offer_id": str(await an_offer())})
    await _post(client, f"/staff/needs/{need}/close", {"outcome": "fulfilled"})

    events = await AuditEvent.filter(staff_id=staff_id).values()
    about_the_need = [e for e in events if e["record_id"] == str(need)]
    assert len(about_the_need) >= 3
    for event in await AuditEvent.exclude(id__in=before).values():
        assert event["staff_id"] == staff_id, event["action"]
        assert event["record_id"], event["action"]
        held = " ".join(str(value) for value in event.values())
        assert not any(word in held for word in words), event["action"]
