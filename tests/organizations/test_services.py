"""Organization use cases on the real database: apply, invite, decide, join, and what is kept."""

from __future__ import annotations

import hashlib
import uuid
from datetime import UTC, datetime, timedelta

import pytest
import time_machine

from mutualaid.domain.errors import InvalidTransition, UnknownChoice
from mutualaid.domain.organizations import (
    INVITATION_LIFETIME,
    WORKSHEET_QUESTIONS,
    Answer,
    CommitmentRequired,
    InvalidInvitation,
    OrganizationStatus,
    UnknownOrganization,
)
from mutualaid.services import organizations as orgs
from mutualaid.services.staff import (
    Passwords,
    SignInRefused,
    UsernameTaken,
    WeakPassword,
    sign_in,
)
from mutualaid.storage.models import AuditEvent, Invitation, Organization, StaffSession, StaffUser
from tests.conftest import STAFF_PASSWORD, Database, approved_organization, make_staff
from tests.organizations.conftest import (
    APPLICANT_PASSWORD,
    CANARIES,
    draft,
    pending_organization,
    snapshot,
)

MOMENT = datetime(2031, 3, 4, 10, 20, 30, tzinfo=UTC)
ORG_ACTIONS = {
    "organization.apply",
    "organization.invite",
    "organization.invite_member",
    "organization.join",
    "organization.approve",
    "organization.suspend",
    "organization.reinstate",
    "staff.create",
    "staff.sign_in",
}


async def _apply(passwords: Passwords, username: str = "lantern", **kw: object) -> orgs.Applied:
    return await orgs.apply_organization(
        passwords,
        draft=draft(**kw),
        username=username,
        password=APPLICANT_PASSWORD,
    )


async def _coordinator(db: Database) -> uuid.UUID:
    staff_id, _ = await make_staff(db, role="coordinator")
    return staff_id


async def assert_audit_has_no_free_text() -> None:
    """Promise 8: audit rows hold a staff id, a fixed action, a record id, a time: no words."""
    rows = await AuditEvent.all().values_list(
        "staff_id", "action", "record_type", "record_id", "created_at"
    )
    assert rows
    for staff_id, action, record_type, record_id, created_at in rows:
        assert staff_id is None or isinstance(staff_id, uuid.UUID)
        assert action in ORG_ACTIONS
        assert record_type in {"organization", "invitation", "staff"}
        uuid.UUID(record_id)
        assert created_at.minute == created_at.second == 0
        row_text = " ".join(map(str, (staff_id, action, record_type, record_id, created_at)))
        for canary in CANARIES.values():
            for word in canary.split():
                if len(word) > 6:
                    assert word not in row_text


# --- Applying ----------------------------------------------------------------------------


async def test_applying_stores_a_pending_organization_and_its_first_member(
    db: Database, passwords: Passwords
) -> None:
    answers = {key: Answer.NO for key in WORKSHEET_QUESTIONS}
    answers["police_or_courts"] = Answer.YES
    answers["end_demand"] = Answer.UNSURE
    applied = await _apply(
        passwords, username="  Lantern.Org ", worksheet=answers, languages=("en", "es", "en")
    )
    org = await Organization.get(id=applied.organization_id).prefetch_related("areas")
    assert org.status == "pending"
    assert org.name == CANARIES["name"]
    assert org.description == CANARIES["description"]
    assert org.public_contact == CANARIES["public_contact"]
    assert org.languages == "en,es"
    assert org.credit == "anonymous"
    assert org.worksheet == {
        **{key: "no" for key in WORKSHEET_QUESTIONS},
        "police_or_courts": "yes",
        "end_demand": "unsure",
    }
    assert org.worksheet_notes == CANARIES["worksheet_notes"]
    assert org.no_strings_commitment is True
    assert org.invited is False
    assert org.decided_at is None
    assert [a.slug for a in org.areas] == ["downtown"]

    member = await StaffUser.get(id=applied.member_id)
    assert member.username == "lantern.org"
    assert member.role == "organization"
    assert member.organization_id == org.id  # type: ignore[attr-defined]
    assert member.password_hash.startswith("$argon2id$")
    assert passwords.verify(member.password_hash, APPLICANT_PASSWORD)

    events = await AuditEvent.all().values_list("staff_id", "action", "record_id")
    assert (applied.member_id, "organization.apply", str(org.id)) in events
    assert (applied.member_id, "staff.create", str(applied.member_id)) in events
    await assert_audit_has_no_free_text()


async def test_an_applicant_can_sign_in_while_pending(db: Database, passwords: Passwords) -> None:
    await _apply(passwords, username="lantern")
    session = await sign_in(passwords, username="lantern", password=APPLICANT_PASSWORD)
    assert session.token


async def test_a_taken_username_stores_nothing(db: Database, passwords: Passwords) -> None:
    await make_staff(db, role="coordinator", username="lantern")
    before = await snapshot()
    with pytest.raises(UsernameTaken):
        await _apply(passwords, username="Lantern")
    assert await snapshot() == before


@pytest.mark.parametrize("password", ["short one", "lantern" + "x" * 20, "abababababababababab"])
async def test_a_weak_password_stores_nothing(
    db: Database, passwords: Passwords, password: str
) -> None:
    before = await snapshot()
    with pytest.raises(WeakPassword):
        await orgs.apply_organization(
            passwords, draft=draft(), username="lantern", password=password
        )
    assert await snapshot() == before


async def test_unknown_areas_and_no_commitment_store_nothing(
    db: Database, passwords: Passwords
) -> None:
    before = await snapshot()
    with pytest.raises(UnknownChoice):
        await _apply(passwords, areas=("downtown", "atlantis"))
    with pytest.raises(CommitmentRequired):
        await _apply(passwords, no_strings_commitment=False)
    assert await snapshot() == before


async def test_the_account_and_organization_are_one_transaction(
    db: Database, passwords: Passwords, monkeypatch: pytest.MonkeyPatch
) -> None:
    """If the account can't be made at the last moment, no organization is left behind."""

    async def no_precheck(*args: object, **kwargs: object) -> bool:
        return False

    await make_staff(db, role="coordinator", username="lantern")
    monkeypatch.setattr(StaffUser, "exists", no_precheck)
    before = await snapshot()
    with pytest.raises(UsernameTaken):
        await _apply(passwords, username="lantern")
    assert await snapshot() == before


# --- A coordinator's invitation to apply -------------------------------------------------


async def test_an_invitation_is_stored_only_as_a_hash_and_lasts_14_days(db: Database) -> None:
    coordinator = await _coordinator(db)
    with time_machine.travel(MOMENT, tick=False):
        token = await orgs.invite_organization(by=coordinator)
    assert len(token) == 43
    invitation = await Invitation.get()
    assert invitation.token_hash == hashlib.sha256(token.encode()).hexdigest()
    assert invitation.kind == "organization"
    assert invitation.created_by_id == coordinator
    assert invitation.organization_id is None  # type: ignore[attr-defined]
    assert invitation.expires_at == MOMENT + INVITATION_LIFETIME == MOMENT + timedelta(days=14)
    assert invitation.used_at is None
    row = await Invitation.all().values()
    assert token not in str(row)
    event = await AuditEvent.get(action="organization.invite")
    assert (event.staff_id, event.record_type, event.record_id) == (
        coordinator,
        "invitation",
        str(invitation.id),
    )


async def test_an_invited_application_uses_the_link_once(
    db: Database, passwords: Passwords
) -> None:
    token = await orgs.invite_organization(by=await _coordinator(db))
    assert await orgs.organization_invitation_is_open(token)
    applied = await orgs.apply_organization(
        passwords,
        draft=draft(),
        username="lantern",
        password=APPLICANT_PASSWORD,
        invite_token=token,
    )
    org = await Organization.get(id=applied.organization_id)
    assert org.invited is True
    assert org.status == "pending"  # an invitation is not an approval
    invitation = await Invitation.get()
    assert invitation.used_at is not None
    assert invitation.organization_id == org.id  # type: ignore[attr-defined]
    assert not await orgs.organization_invitation_is_open(token)

    before = await snapshot()
    with pytest.raises(InvalidInvitation):
        await orgs.apply_organization(
            passwords,
            draft=draft(),
            username="other",
            password=APPLICANT_PASSWORD,
            invite_token=token,
        )
    assert await snapshot() == before


async def test_an_expired_invitation_is_refused(db: Database, passwords: Passwords) -> None:
    with time_machine.travel(MOMENT, tick=False):
        token = await orgs.invite_organization(by=await _coordinator(db))
    with time_machine.travel(MOMENT + INVITATION_LIFETIME - timedelta(minutes=1), tick=False):
        assert await orgs.organization_invitation_is_open(token)
    with time_machine.travel(MOMENT + INVITATION_LIFETIME + timedelta(seconds=1), tick=False):
        assert not await orgs.organization_invitation_is_open(token)
        before = await snapshot()
        with pytest.raises(InvalidInvitation):
            await orgs.apply_organization(
                passwords,
                draft=draft(),
                username="lantern",
                password=APPLICANT_PASSWORD,
                invite_token=token,
            )
        assert await snapshot() == before


@pytest.mark.parametrize(
    "wrong", ["", "x", "A" * 43, "A" * 42 + "!", "A" * 5000, "\x00" * 43, "../" * 15]
)
async def test_a_wrong_invitation_is_refused(
    db: Database, passwords: Passwords, wrong: str
) -> None:
    await orgs.invite_organization(by=await _coordinator(db))
    assert not await orgs.organization_invitation_is_open(wrong)
    before = await snapshot()
    with pytest.raises(InvalidInvitation):
        await orgs.apply_organization(
            passwords,
            draft=draft(),
            username="lantern",
            password=APPLICANT_PASSWORD,
            invite_token=wrong,
        )
    assert await snapshot() == before


async def test_a_member_link_is_not_an_invitation_to_apply(
    db: Database, passwords: Passwords
) -> None:
    org_id = await approved_organization(db)
    member, _ = await make_staff(db, role="organization", organization_id=org_id)
    token = await orgs.invite_member(org_id, by=member)
    assert not await orgs.organization_invitation_is_open(token)
    with pytest.raises(InvalidInvitation):
        await orgs.apply_organization(
            passwords,
            draft=draft(),
            username="lantern",
            password=APPLICANT_PASSWORD,
            invite_token=token,
        )


# --- Coordinators' decisions -------------------------------------------------------------


async def test_approve_suspend_reinstate_each_write_an_audit_event(db: Database) -> None:
    coordinator = await _coordinator(db)
    org_id = await pending_organization(db)
    with time_machine.travel(MOMENT, tick=False):
        assert (
            await orgs.approve_organization(org_id, by=coordinator) is OrganizationStatus.APPROVED
        )
    org = await Organization.get(id=org_id)
    assert org.status == "approved"
    assert org.decided_at == MOMENT.replace(minute=0, second=0)
    assert await orgs.suspend_organization(org_id, by=coordinator) is OrganizationStatus.SUSPENDED
    assert (await Organization.get(id=org_id)).status == "suspended"
    assert await orgs.reinstate_organization(org_id, by=coordinator) is OrganizationStatus.APPROVED
    assert (await Organization.get(id=org_id)).status == "approved"

    events = await AuditEvent.filter(record_type="organization").order_by("id")
    assert [(e.staff_id, e.action, e.record_id) for e in events] == [
        (coordinator, "organization.approve", str(org_id)),
        (coordinator, "organization.suspend", str(org_id)),
        (coordinator, "organization.reinstate", str(org_id)),
    ]
    await assert_audit_has_no_free_text()


async def test_a_decision_that_does_not_apply_changes_nothing(db: Database) -> None:
    coordinator = await _coordinator(db)
    org_id = await pending_organization(db)
    before = await snapshot()
    for act in (orgs.suspend_organization, orgs.reinstate_organization):
        with pytest.raises(InvalidTransition):
            await act(org_id, by=coordinator)
    await orgs.approve_organization(org_id, by=coordinator)
    with pytest.raises(InvalidTransition):
        await orgs.approve_organization(org_id, by=coordinator)
    assert (await snapshot())["audit"] == before["audit"] + 1


async def test_deciding_about_an_unknown_organization(db: Database) -> None:
    coordinator = await _coordinator(db)
    for act in (orgs.approve_organization, orgs.suspend_organization, orgs.reinstate_organization):
        with pytest.raises(UnknownOrganization):
            await act(uuid.uuid4(), by=coordinator)
    with pytest.raises(UnknownOrganization):
        await orgs.organization_detail(uuid.uuid4())


async def test_suspension_ends_every_member_session_and_sign_in(
    db: Database, passwords: Passwords
) -> None:
    coordinator = await _coordinator(db)
    org_id = await approved_organization(db)
    other_org = await approved_organization(db, name="Other Collective")
    members = [(await make_staff(db, role="organization", organization_id=org_id))[0] for _ in "ab"]
    outsider, _ = await make_staff(db, role="organization", organization_id=other_org)
    for staff_id in (*members, outsider):
        user = await StaffUser.get(id=staff_id)
        await sign_in(passwords, username=user.username, password=STAFF_PASSWORD)
        await sign_in(passwords, username=user.username, password=STAFF_PASSWORD)
    assert await StaffSession.filter(staff_id__in=members).count() == 4

    await orgs.suspend_organization(org_id, by=coordinator)
    assert await StaffSession.filter(staff_id__in=members).count() == 0
    assert await StaffSession.filter(staff_id=outsider).count() == 2
    first = await StaffUser.get(id=members[0])
    with pytest.raises(SignInRefused):
        await sign_in(passwords, username=first.username, password=STAFF_PASSWORD)

    await orgs.reinstate_organization(org_id, by=coordinator)
    assert await sign_in(passwords, username=first.username, password=STAFF_PASSWORD)


# --- Members inviting colleagues ---------------------------------------------------------


async def test_a_member_invites_a_colleague_who_joins_once(
    db: Database, passwords: Passwords
) -> None:
    org_id = await approved_organization(db)
    member, _ = await make_staff(db, role="organization", organization_id=org_id)
    token = await orgs.invite_member(org_id, by=member)
    invitation = await Invitation.get()
    assert invitation.token_hash == hashlib.sha256(token.encode()).hexdigest()
    assert (invitation.kind, invitation.organization_id) == ("member", org_id)  # type: ignore[attr-defined]
    assert invitation.created_by_id == member
    assert await orgs.member_invitation(token) == "Night Owls Collective"

    joined = await orgs.join_organization(
        passwords, token=token, username="New.Colleague", password=APPLICANT_PASSWORD
    )
    user = await StaffUser.get(id=joined)
    assert (user.username, user.role, user.organization_id) == (  # type: ignore[attr-defined]
        "new.colleague",
        "organization",
        org_id,
    )
    assert await orgs.member_usernames(org_id, by=joined) == sorted(
        [(await StaffUser.get(id=member)).username, "new.colleague"]
    )
    actions = await AuditEvent.all().values_list("staff_id", "action", "record_id")
    assert (member, "organization.invite_member", str(invitation.id)) in actions
    assert (joined, "organization.join", str(invitation.id)) in actions
    await assert_audit_has_no_free_text()

    before = await snapshot()
    with pytest.raises(InvalidInvitation):
        await orgs.join_organization(
            passwords, token=token, username="second", password=APPLICANT_PASSWORD
        )
    assert await snapshot() == before


async def test_a_join_link_expires(db: Database, passwords: Passwords) -> None:
    org_id = await approved_organization(db)
    member, _ = await make_staff(db, role="organization", organization_id=org_id)
    with time_machine.travel(MOMENT, tick=False):
        token = await orgs.invite_member(org_id, by=member)
    with time_machine.travel(MOMENT + timedelta(days=14, seconds=1), tick=False):
        before = await snapshot()
        with pytest.raises(InvalidInvitation):
            await orgs.member_invitation(token)
        with pytest.raises(InvalidInvitation):
            await orgs.join_organization(
                passwords, token=token, username="late", password=APPLICANT_PASSWORD
            )
        assert await snapshot() == before


async def test_wrong_and_cross_kind_join_links_are_refused(
    db: Database, passwords: Passwords
) -> None:
    apply_token = await orgs.invite_organization(by=await _coordinator(db))
    for token in (apply_token, "A" * 43, "", "x" * 10_000):
        with pytest.raises(InvalidInvitation):
            await orgs.join_organization(
                passwords, token=token, username="someone", password=APPLICANT_PASSWORD
            )
    assert await StaffUser.filter(username="someone").count() == 0


async def test_nobody_joins_a_suspended_organization(db: Database, passwords: Passwords) -> None:
    org_id = await approved_organization(db)
    member, _ = await make_staff(db, role="organization", organization_id=org_id)
    token = await orgs.invite_member(org_id, by=member)
    await orgs.suspend_organization(org_id, by=await _coordinator(db))
    with pytest.raises(InvalidInvitation):
        await orgs.join_organization(
            passwords, token=token, username="someone", password=APPLICANT_PASSWORD
        )
    with pytest.raises(UnknownOrganization):
        await orgs.invite_member(org_id, by=member)


async def test_only_members_act_for_their_own_organization(db: Database) -> None:
    org_a = await approved_organization(db, name="A")
    org_b = await approved_organization(db, name="B")
    member_b, _ = await make_staff(db, role="organization", organization_id=org_b)
    coordinator = await _coordinator(db)
    for by in (member_b, coordinator, uuid.uuid4()):
        with pytest.raises(UnknownOrganization):
            await orgs.invite_member(org_a, by=by)
        with pytest.raises(UnknownOrganization):
            await orgs.member_usernames(org_a, by=by)
    assert await Invitation.all().count() == 0


# --- What coordinators see ---------------------------------------------------------------


async def test_the_list_puts_pending_first_with_their_concerns(
    db: Database, passwords: Passwords
) -> None:
    coordinator = await _coordinator(db)
    await approved_organization(db, name="Approved One")
    suspended = await approved_organization(db, name="Suspended One")
    await orgs.suspend_organization(suspended, by=coordinator)
    answers = {key: Answer.NO for key in WORKSHEET_QUESTIONS}
    answers.update(police_or_courts=Answer.YES, proof_of_trafficking=Answer.UNSURE)
    # The oldest application waits longest, so it comes first whatever its name.
    with time_machine.travel(MOMENT, tick=False):
        await _apply(passwords, username="first", name="Zebra Pending", worksheet=answers)
    with time_machine.travel(MOMENT + timedelta(hours=2), tick=False):
        await _apply(passwords, username="second", name="Alpha Pending")

    rows = await orgs.list_organizations()
    assert [(r.name, r.status.value) for r in rows] == [
        ("Zebra Pending", "pending"),
        ("Alpha Pending", "pending"),
        ("Approved One", "approved"),
        ("Suspended One", "suspended"),
    ]
    assert [r.concern_count for r in rows[:2]] == [2, 0]


async def test_the_detail_has_everything_a_coordinator_weighs(
    db: Database, passwords: Passwords
) -> None:
    answers = {key: Answer.NO for key in WORKSHEET_QUESTIONS}
    answers["conflates_trafficking"] = Answer.UNSURE
    applied = await _apply(passwords, worksheet=answers, languages=("es", "fr"))
    detail = await orgs.organization_detail(applied.organization_id)
    assert detail.name == CANARIES["name"]
    assert detail.status is OrganizationStatus.PENDING
    assert detail.areas == ("Downtown",)
    assert detail.languages == ("Español", "Français")
    assert detail.member_count == 1
    assert detail.worksheet_notes == CANARIES["worksheet_notes"]
    assert [line.key for line in detail.worksheet] == list(WORKSHEET_QUESTIONS)
    flagged = [(line.key, line.answer_label) for line in detail.worksheet if line.concern]
    assert flagged == [("conflates_trafficking", "Not sure")]
    assert detail.concern_count == 1
    assert detail.worksheet[0].question.startswith("Does any funder restrict aid")
