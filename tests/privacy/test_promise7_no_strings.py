"""Privacy promise 7: no strings attached.

An organization answers the funding-and-conditions worksheet, a coordinator reads it and
approves, and only then can its pledges go live; every pledge says it carries no conditions.
The worksheet, the approval gate and the pledge's own commitment are tested where they live;
this module collects those tests (an imported test function runs as part of this module) and
adds what the promise says about what people see: each pledge in the public directory, in
English and Spanish, states that it carries no conditions, and an organization's own pledge
page cannot be saved without that commitment.
"""

from __future__ import annotations

import re

import httpx2
import pytest

from mutualaid.storage.models import Offer
from tests.conftest import Database
from tests.organizations.conftest import new_client
from tests.organizations.test_domain import (
    test_an_application_needs_every_answer,
    test_an_application_needs_the_commitment,
    test_the_worksheet_asks_exactly_the_seven_questions_of_promise_7,
)
from tests.organizations.test_web import (
    test_coordinators_see_the_worksheet_with_concerns_highlighted,
)
from tests.pledges.conftest import organization, pledge, sign_in_member
from tests.pledges.test_directory import test_what_the_directory_never_lists
from tests.pledges.test_domain import test_is_live
from tests.pledges.test_portal import test_a_pending_organization_waits_kindly_and_cant_pledge
from tests.pledges.test_services import (
    test_a_pledge_must_carry_no_conditions,
    test_pledges_cant_go_live_before_approval,
)

__all__ = [
    "new_client",
    "test_a_pending_organization_waits_kindly_and_cant_pledge",
    "test_a_pledge_must_carry_no_conditions",
    "test_an_application_needs_every_answer",
    "test_an_application_needs_the_commitment",
    "test_coordinators_see_the_worksheet_with_concerns_highlighted",
    "test_is_live",
    "test_pledges_cant_go_live_before_approval",
    "test_the_worksheet_asks_exactly_the_seven_questions_of_promise_7",
    "test_what_the_directory_never_lists",
]

SERVICE = re.compile(r'<article class="service" id="service-[^"]+">(.*?)</article>', re.S)
NO_CONDITIONS = re.compile(r'<p class="promise no-conditions">[^<]+</p>')


@pytest.mark.parametrize("language", ["", "/es"], ids=["en", "es"])
async def test_every_pledge_in_the_directory_states_it_has_no_conditions(
    client: httpx2.AsyncClient, db: Database, language: str
) -> None:
    first = await organization(db, name="Night Owls Collective")
    second = await organization(db, name="Harbour Collective")
    await pledge(db, first, title="Drop-in showers")
    await pledge(db, second, title="Phone charging")
    page = (await client.get(language + "/services")).text
    services = SERVICE.findall(page)
    assert len(services) >= 2
    assert all(NO_CONDITIONS.search(service) for service in services)


async def test_a_pledge_page_asks_for_the_no_conditions_commitment(
    client: httpx2.AsyncClient, db: Database
) -> None:
    org = await organization(db)
    await sign_in_member(client, db, org)
    await pledge(db, org, title="Drop-in showers")
    pledge_id = (await Offer.get(organization_id=org)).id
    for path in ("/portal/pledges/new", f"/portal/pledges/{pledge_id}"):
        page = (await client.get(path)).text
        box = re.search(r'<input type="checkbox" name="no_conditions"[^>]*>', page)
        assert box and "required" in box.group(0), path
