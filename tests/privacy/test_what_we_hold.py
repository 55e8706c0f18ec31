"""`mutualaid export-what-we-hold`: the counts match the database, and nothing it prints
could identify anyone (requirement R16)."""

from __future__ import annotations

import asyncio
import base64
import json
import os
import subprocess
import sys
from pathlib import Path

import httpx2
from tortoise import Tortoise

from mutualaid.domain.inventory import INVENTORY
from mutualaid.services.what_we_hold import gather_holdings, holdings_json, holdings_text
from mutualaid.storage.db import connection
from mutualaid.storage.models import Need
from tests.conftest import Database, post_form, post_need
from tests.privacy.conftest import canary

ROOT = Path(__file__).resolve().parents[2]


async def _plant_needs(client: httpx2.AsyncClient) -> tuple[list[str], list[str]]:
    """Three needs full of canaries, one of them withdrawn: (planted texts, codenames)."""
    planted: list[str] = []
    codenames: list[str] = []
    for n in range(3):
        texts = {
            "description": canary(f"desc{n}"),
            "contact": canary(f"contact{n}"),
            "preferred_name": canary(f"name{n}")[:30],
        }
        planted += texts.values()
        codenames.append(await post_need(client, **texts))
    withdrawn = await post_form(client, "/check/withdraw", {"codename": codenames[0]})
    assert withdrawn.status_code in (200, 303)
    return planted, codenames


async def _stored_secrets() -> list[str]:
    """How the stored ciphertext and codename hashes could appear if printed."""
    _, rows = await connection().execute_query(
        'SELECT "description", "contact", "codename_hash" FROM "need"'
    )
    found: list[str] = []
    for row in map(dict, rows):
        for value in row.values():
            if isinstance(value, bytes | bytearray | memoryview):
                raw = bytes(value)
                found += [raw.hex(), base64.b64encode(raw).decode()[:24], repr(raw)[:24]]
            elif value:
                found.append(str(value))
    return found


def _leaks(output: str, forbidden: list[str], codenames: list[str]) -> bool:
    """True if the output holds planted text, stored bytes, or any two codename words in a
    row (returns a bool, so a failure message can't print what leaked)."""
    pairs = [
        " ".join(pair)
        for codename in codenames
        for pair in zip(codename.split(), codename.split()[1:], strict=False)
    ]
    return any(text in output for text in [*forbidden, *codenames, *pairs])


async def test_counts_match_the_database_and_nothing_identifies_anyone(
    client: httpx2.AsyncClient, db: Database
) -> None:
    planted, codenames = await _plant_needs(client)
    holdings = await gather_holdings(db.settings)
    tables = {table.table: table for table in holdings.tables}

    need = tables["need"]
    assert need.rows == await Need.all().count() == 3
    assert need.by_status == {"open": 2, "withdrawn": 1}
    assert {f.name for f in need.fields} == set(INVENTORY["Need"])
    apps = Tortoise.apps
    assert apps is not None
    for name, model in apps["models"].items():
        if name != "Aerich":
            assert tables[model._meta.db_table].rows == await model.all().count(), name
    assert tables["offer"].links["offer_area"] > 0
    if db.sqlite_file is not None:
        assert holdings.surroundings.database_files[db.sqlite_file.name] > 0
    assert holdings.surroundings.access_log == "off"

    forbidden = planted + await _stored_secrets()
    for output in (holdings_text(holdings), holdings_json(holdings)):
        assert "need (Requests for help): rows 3" in output or '"rows": 3' in output
        leaked = _leaks(output, forbidden, codenames)
        assert not leaked


async def test_the_command_prints_the_same_counts(client: httpx2.AsyncClient, db: Database) -> None:
    planted, codenames = await _plant_needs(client)
    settings = db.settings
    env = {
        **os.environ,
        "DATABASE_URL": settings.database_url,
        "MUTUALAID_ENVIRONMENT": "test",
        "MUTUALAID_KEY_FILE": str(settings.key_file),
        **{
            f"MUTUALAID_{name.upper()}": getattr(settings, name).get_secret_value()
            for name in ("codename_key", "encryption_key", "session_key")
        },
    }
    runs = [
        await asyncio.to_thread(
            subprocess.run,
            [sys.executable, "-m", "mutualaid", "export-what-we-hold", *flag],
            capture_output=True,
            text=True,
            env=env,
            cwd=ROOT,
            timeout=120,
            check=False,
        )
        for flag in ([], ["--json"])
    ]
    assert [run.returncode for run in runs] == [0, 0]
    text, as_json = (run.stdout for run in runs)
    assert "need (Requests for help): rows 3" in text
    assert "rows by status: open 2, withdrawn 1" in text
    tables = {table["table"]: table for table in json.loads(as_json)["tables"]}
    assert tables["need"]["rows"] == 3
    assert tables["need"]["by_status"] == {"open": 2, "withdrawn": 1}
    forbidden = planted + await _stored_secrets()
    for output in (text, as_json, runs[0].stderr, runs[1].stderr):
        leaked = _leaks(output, forbidden, codenames)
        assert not leaked
