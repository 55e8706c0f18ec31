"""Spanish pages under /es/, English at the root, and complete, current catalogs."""

from __future__ import annotations

import html
import re
import subprocess
import sys
from pathlib import Path

import httpx2
from babel.messages.mofile import read_mo
from babel.messages.pofile import read_po

from tests.conftest import post_form

ROOT = Path(__file__).resolve().parents[1]
LOCALES = ROOT / "mutualaid" / "locales"
CHECK_SCRIPT = ROOT / "scripts" / "i18n_check.py"
SPANISH_PAGES = ("/es/", "/es/ask", "/es/offer", "/es/check", "/es/privacy", "/es/agreements")


def visible_text(page: str) -> str:
    """The page's text as a person reads it: no head, no tags, entities decoded."""
    body = re.sub(r"(?s)<head>.*?</head>", " ", page)
    return html.unescape(re.sub(r"(?s)<[^>]+>", "\n", body))


async def test_spanish_pages_are_in_spanish(client: httpx2.AsyncClient) -> None:
    page = await client.get("/es/ask")
    assert page.status_code == 200
    assert '<html lang="es"' in page.text
    assert "Pedir ayuda" in page.text
    assert "Salida rápida" in page.text
    assert "Enviar mi solicitud" in page.text
    # Labels defined at import time (lazy) follow the request's language too.
    assert "Comida" in page.text
    # Links keep the language.
    assert 'href="/es/offer"' in page.text


async def test_english_pages_stay_english(client: httpx2.AsyncClient) -> None:
    page = await client.get("/ask")
    assert page.status_code == 200
    assert '<html lang="en"' in page.text
    assert "Ask for help" in page.text
    assert "Pedir ayuda" not in page.text


async def test_form_errors_are_in_the_page_language(client: httpx2.AsyncClient) -> None:
    response = await post_form(
        client, "/es/ask", {"description": "Jabón y toallas", "urgency": "soon"}, page="/es/ask"
    )
    assert response.status_code == 422
    assert '<html lang="es"' in response.text
    assert "Elige qué tipo de ayuda es." in response.text
    assert "Choose what kind of help this is." not in response.text


async def test_no_english_interface_text_on_spanish_pages(client: httpx2.AsyncClient) -> None:
    """Every interface sentence that has a different Spanish translation is shown in Spanish."""
    with (LOCALES / "es" / "LC_MESSAGES" / "messages.po").open("rb") as handle:
        catalog = read_po(handle)
    english = [
        m.id
        for m in catalog
        if isinstance(m.id, str) and " " in m.id and m.string and m.string != m.id
    ]
    for path in SPANISH_PAGES:
        response = await client.get(path)
        assert response.status_code == 200, path
        text = visible_text(response.text)
        shown = [msgid for msgid in english if "%" not in msgid and msgid in text]
        assert not shown, (path, shown)


def test_catalogs_are_complete_and_current() -> None:
    result = subprocess.run(
        [sys.executable, str(CHECK_SCRIPT)], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout
    assert result.stdout.startswith("i18n OK:")


def _key(value: object) -> object:
    """Plural messages come back as lists (singular, plural): make them hashable."""
    return tuple(value) if isinstance(value, list | tuple) else value


def test_compiled_catalog_matches_its_source() -> None:
    """The .mo the app loads holds exactly the .po's translations (run pybabel compile)."""
    directory = LOCALES / "es" / "LC_MESSAGES"
    assert (directory / "messages.mo").exists(), "run: pybabel compile -d mutualaid/locales"
    with (directory / "messages.po").open("rb") as handle:
        source = {_key(m.id): _key(m.string) for m in read_po(handle) if m.id and not m.fuzzy}
    with (directory / "messages.mo").open("rb") as handle:
        compiled = {_key(m.id): _key(m.string) for m in read_mo(handle) if m.id}
    assert compiled == source, "stale messages.mo: run scripts/i18n_update.sh"
