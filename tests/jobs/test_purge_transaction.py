"""The purge's SQLite transaction: foreign keys off for it alone, so erasure must delete or
unlink every row that points at a need itself; the page cache given back afterwards."""

from __future__ import annotations

import pytest
import time_machine

from mutualaid.services import erasure, retention
from mutualaid.services.needs import add_message, withdraw_need
from mutualaid.storage.db import connection, transaction_without_foreign_key_actions
from mutualaid.storage.models import Message, Need
from tests.conftest import Database
from tests.jobs.conftest import DAY, START, need_at

#: What erasure removes with a need: rows referencing these go too, or lose their link.
ERASED_WITH_A_NEED = {"need", *(table for table, _ in erasure.NEED_CHILDREN)}


def _sqlite_only(db: Database) -> None:
    if db.sqlite_file is None:
        pytest.skip("foreign keys and the page cache are only switched on SQLite")


async def _pragma(name: str) -> int:
    _, rows = await connection().execute_query(f"PRAGMA {name}")
    return int(next(iter(dict(rows[0]).values())))


async def test_erasure_handles_every_foreign_key_into_what_it_deletes(db: Database) -> None:
    """With foreign keys off, a reference erasure doesn't know about would be left dangling:
    every one in the schema must be a child it deletes or a link it unsets, as declared."""
    _sqlite_only(db)
    _, rows = await connection().execute_query(
        'SELECT m.name AS child, f."from" AS col, f."table" AS parent, f.on_delete'
        " FROM sqlite_master AS m, pragma_foreign_key_list(m.name) AS f WHERE m.type = 'table'"
    )
    found = {
        (r["child"], r["col"], r["on_delete"]) for r in rows if r["parent"] in ERASED_WITH_A_NEED
    }
    expected = {(t, c, "CASCADE") for t, c in erasure.NEED_CHILDREN}
    expected |= {(t, c, "SET NULL") for t, c in erasure.NEED_LINKS}
    assert found == expected


async def test_foreign_keys_are_back_on_after_a_purge(db: Database, key: bytes) -> None:
    _sqlite_only(db)
    cache = await _pragma("cache_size")
    need = await need_at(START, key)
    with time_machine.travel(START, tick=False):
        await withdraw_need(need)
    receipt = await retention.purge_closed(now=START + 40 * DAY, retention_days=30)
    assert receipt.needs == 1
    assert await _pragma("foreign_keys") == 1
    assert await _pragma("cache_size") == cache


async def test_a_failed_purge_transaction_keeps_everything_and_turns_foreign_keys_back_on(
    db: Database, key: bytes
) -> None:
    _sqlite_only(db)
    need = await need_at(START, key)
    with time_machine.travel(START, tick=False):
        await add_message(need, author_role="member", body="still here")
    with pytest.raises(RuntimeError):
        async with transaction_without_foreign_key_actions() as conn:
            _, rows = await conn.execute_query("PRAGMA foreign_keys")
            assert int(next(iter(dict(rows[0]).values()))) == 0
            await conn.execute_query("DELETE FROM need WHERE id = ?", [str(need)])
            raise RuntimeError("interrupted")
    assert await _pragma("foreign_keys") == 1
    assert await Need.filter(id=need).exists()
    assert await Message.filter(need_id=need).count() == 1
