"""Privacy promise 1: no ID, no conditions.

Every form a community member can meet, in English and Spanish, is read field by field (names,
labels, legends, hints, placeholders, choices) and searched for the topics no form may ask
about: identity documents, immigration status, sex work and trafficking experience, and the
personal identifiers that would stand in for them. And a need is posted with only what the
form requires, none of which says who someone is.
"""

from __future__ import annotations

import html
import re

import httpx2
import pytest

from mutualaid.domain.organizations import WORKSHEET_QUESTIONS
from mutualaid.storage.models import Need
from tests.conftest import CODENAME, Database, need_form, post_form, post_need

#: Words (or word starts) that would mean a form asks who someone is, what papers they hold,
#: or what they do for a living. English and Spanish, matched as whole words or prefixes.
FORBIDDEN = (
    # Identity documents and identifiers
    r"passport",
    r"id card",
    r"identity document",
    r"identification",
    r"driver'?s licen[cs]e",
    r"social security",
    r"national insurance",
    r"date of birth",
    r"birth ?date",
    r"legal name",
    r"surname",
    r"last name",
    r"home address",
    r"pasaporte",
    r"documento de identidad",
    r"identificaci[oó]n",
    r"dni",
    r"licencia de conducir",
    r"seguro social",
    r"fecha de nacimiento",
    r"nombre legal",
    r"apellido",
    r"domicilio",
    # Immigration status
    r"immigra",
    r"visa",
    r"citizen",
    r"residency",
    r"undocumented",
    r"asylum",
    r"refugee status",
    r"inmigra",
    r"migratori",
    r"ciudadan",
    r"indocumentad",
    r"asilo",
    r"situaci[oó]n (?:legal|migratoria)",
    # Sex work and trafficking experience
    r"sex work",
    r"sex trade",
    r"prostitu",
    r"escort",
    r"traffick",
    r"exploit",
    r"trabajo sexual",
    r"trabajador[ae]s? sexual",
    r"industria del sexo",
    r"trata",
    r"explota",
    # Eligibility and conditions
    r"criminal record",
    r"conviction",
    r"police report",
    r"eligib",
    r"antecedentes",
    r"denuncia",
    r"elegib",
)
FORBIDDEN_RE = re.compile(r"\b(?:" + "|".join(FORBIDDEN) + r")", re.IGNORECASE)
FORM = re.compile(r"<form\b.*?</form>", re.S | re.I)
HIDDEN_INPUT = re.compile(r"<input\b[^>]*type=\"hidden\"[^>]*>", re.I)
ASKING_ATTRIBUTES = re.compile(r'\b(?:name|placeholder|aria-label|title|value)="([^"]*)"', re.I)
#: What a field says to the person filling it in: its label, legend, hint, choices, button.
FIELD_TEXT = re.compile(
    r"<(label|legend|option|button|summary)\b[^>]*>(.*?)</\1>|<p class=\"hint\"[^>]*>(.*?)</p>",
    re.S | re.I,
)
TAG = re.compile(r"<[^>]+>")
#: Where a community member meets forms without holding a codename.
PUBLIC_FORM_PAGES = ("/", "/ask", "/offer", "/check", "/services", "/give", "/privacy")
LANGUAGES = ("", "/es")


def what_forms_ask(page: str) -> list[str]:
    """What the page's forms ask: each field's name, placeholder and value, and the text of
    its label, legend, hint and choices. Hidden fields (tokens) are left out, and so are
    paragraphs that explain the promises (a form may say it never asks about sex work)."""
    asked: list[str] = []
    for form in FORM.findall(page):
        form = HIDDEN_INPUT.sub("", form)
        asked += [html.unescape(value) for value in ASKING_ATTRIBUTES.findall(form)]
        for match in FIELD_TEXT.finditer(form):
            text = match.group(2) if match.group(2) is not None else match.group(3)
            asked.append(html.unescape(TAG.sub(" ", text)))
    return asked


def forbidden_topics(page: str) -> set[str]:
    found: set[str] = set()
    for text in what_forms_ask(page):
        found |= {match.group(0).lower() for match in FORBIDDEN_RE.finditer(text)}
    return found


def test_the_list_catches_what_it_is_for() -> None:
    planted = '<form><label for="p">Passport number</label><input name="immigration_status">'
    planted += "<legend>¿Has sido víctima de trata?</legend></form>"
    assert forbidden_topics(planted) == {"passport", "immigra", "trata"}
    assert forbidden_topics("<p>sex work outside a form</p>") == set()
    assert forbidden_topics('<form><p class="hint">Nobody asks about trafficking</p></form>')


@pytest.mark.parametrize("language", LANGUAGES, ids=["en", "es"])
async def test_no_public_form_asks_about_id_papers_or_sex_work(
    client: httpx2.AsyncClient, db: Database, language: str
) -> None:
    for path in PUBLIC_FORM_PAGES:
        page = await client.get(language + path)
        assert page.status_code == 200, path
        assert forbidden_topics(page.text) == set(), path


@pytest.mark.parametrize("language", LANGUAGES, ids=["en", "es"])
async def test_no_form_behind_a_codename_asks_either(
    client: httpx2.AsyncClient, db: Database, language: str
) -> None:
    """The status pages of a need and of an offer, with every form on them."""
    need_codename = await post_need(client)
    offer = await post_form(
        client,
        "/offer",
        {
            "kind": "ride",
            "category": "transport",
            "areas": "downtown",
            "capacity": "1",
            "language": "en",
        },
        page="/offer",
    )
    found = CODENAME.search(offer.text)
    assert found, "no codename after offering"
    for codename in (need_codename, found.group(1)):
        status = await post_form(
            client, language + "/check", {"codename": codename}, page=language + "/check"
        )
        assert status.status_code == 200
        assert forbidden_topics(status.text) == set()


@pytest.mark.parametrize("language", LANGUAGES, ids=["en", "es"])
async def test_forms_sent_back_with_errors_ask_nothing_more(
    client: httpx2.AsyncClient, db: Database, language: str
) -> None:
    for path in ("/ask", "/offer"):
        again = await post_form(client, language + path, {}, page=language + path)
        assert again.status_code == 422
        assert forbidden_topics(again.text) == set(), path


@pytest.mark.parametrize("language", LANGUAGES, ids=["en", "es"])
async def test_the_organization_application_asks_the_organization_not_the_people(
    client: httpx2.AsyncClient, db: Database, language: str
) -> None:
    """The application's worksheet names the conditions funders may impose (promise 7): those
    questions ask an organization about its funders. Every other field must pass."""
    page = (await client.get(language + "/organizations/apply")).text
    without_worksheet = re.sub(r"<fieldset\b.*?</fieldset>", self_or_blank, page, flags=re.S)
    assert forbidden_topics(without_worksheet) == set()


def self_or_blank(fieldset: re.Match[str]) -> str:
    """A worksheet question's fieldset is dropped; every other fieldset is kept."""
    names = set(re.findall(r'name="([a-z_]+)"', fieldset.group(0)))
    return "" if names and names <= set(WORKSHEET_QUESTIONS) else fieldset.group(0)


async def test_a_need_is_posted_with_only_what_the_form_requires(
    client: httpx2.AsyncClient, db: Database
) -> None:
    """Kind of help, rough area, when, and a few words: no name, contact, pronouns,
    language, account or eligibility question, and the need is stored without them."""
    minimal = {k: v for k, v in need_form().items() if k != "language"}
    assert set(minimal) == {"category", "area", "urgency", "description"}
    response = await post_form(client, "/ask", minimal, page="/ask")
    assert response.status_code == 200
    assert CODENAME.search(response.text)
    need = await Need.get()
    assert need.contact is None and need.preferred_name is None and need.pronouns is None
    assert sorted(c.name for c in client.cookies.jar) == ["csrf"]


async def test_nothing_identifying_is_required(client: httpx2.AsyncClient, db: Database) -> None:
    """Sent empty, the form names what is missing: none of it identifies anyone."""
    again = await post_form(client, "/ask", {}, page="/ask")
    assert again.status_code == 422
    wrong = set(re.findall(r'id="([a-z_]+)-error"', again.text))
    assert wrong <= {"category", "area", "urgency", "description"}, wrong
