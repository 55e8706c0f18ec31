"""Statements sent together (storage.writes): all of them or none, in order, never
interleaved with another transaction, and stored exactly as the ORM stores them."""

from __future__ import annotations

import asyncio
import uuid

import pytest
from tortoise.exceptions import IntegrityError, OperationalError
from tortoise.transactions import in_transaction

from mutualaid.domain.clock import this_hour
from mutualaid.storage.db import connection, is_sqlite
from mutualaid.storage.models import Area, Category, Counter, Need, UsedForm
from mutualaid.storage.writes import Write, in_dialect, insert_of, run_atomically
from tests.conftest import Database

_FORM = 'INSERT INTO "used_form" ("digest", "seen_at") VALUES (?, ?)'
_FORM_ONCE = f'{_FORM} ON CONFLICT ("digest") DO NOTHING'


class Refused(Exception):
    pass


def form(digest: str) -> Write:
    return Write(_FORM, (digest, this_hour()))


async def digests() -> list[str]:
    return sorted(await UsedForm.all().values_list("digest", flat=True))  # type: ignore[arg-type]


def test_placeholders_are_numbered_for_postgresql_only() -> None:
    sql = "INSERT INTO t (a, b) VALUES (?, ?)"
    assert in_dialect(sql, "postgres") == "INSERT INTO t (a, b) VALUES ($1, $2)"
    assert in_dialect(sql, "sqlite") == sql


async def test_writes_run_in_order_and_are_kept(db: Database) -> None:
    await run_atomically([form("a" * 64), form("b" * 64)])
    assert await digests() == ["a" * 64, "b" * 64]


async def test_a_failing_statement_undoes_the_ones_before_it(db: Database) -> None:
    with pytest.raises(IntegrityError):
        await run_atomically([form("a" * 64), form("b" * 64), form("a" * 64)])
    assert await digests() == []
    with pytest.raises(OperationalError):
        await run_atomically([form("c" * 64), Write('UPDATE "counter" SET "value" = nope()')])
    assert await digests() == []
    # The connection is usable afterwards, in and out of transactions.
    await run_atomically([form("d" * 64)])
    async with in_transaction() as conn:
        await conn.execute_query(
            in_dialect(_FORM, conn.capabilities.dialect), ["e" * 64, this_hour()]
        )
    assert await digests() == ["d" * 64, "e" * 64]


async def test_a_refusing_statement_rolls_everything_back(db: Database) -> None:
    await run_atomically([form("a" * 64)])
    once = Write(_FORM_ONCE, ("a" * 64, this_hour()), refuse=Refused)
    with pytest.raises(Refused):
        await run_atomically([form("b" * 64), once, form("c" * 64)])
    assert await digests() == ["a" * 64]
    fresh = Write(_FORM_ONCE, ("f" * 64, this_hour()), refuse=Refused)
    await run_atomically([fresh])
    assert await digests() == ["a" * 64, "f" * 64]


async def test_a_check_that_finds_no_row_refuses_the_writes(db: Database) -> None:
    missing = Write.check('SELECT 1 FROM "category" WHERE "slug" = ?', ("nope",), Refused)
    with pytest.raises(Refused):
        await run_atomically([form("a" * 64), missing])
    present = Write.check('SELECT 1 FROM "category" WHERE "slug" = ?', ("food",), Refused)
    await run_atomically([form("b" * 64), present])
    assert await digests() == ["b" * 64]


async def test_another_transaction_never_sees_or_swallows_the_writes(db: Database) -> None:
    """A Tortoise transaction that is rolled back while a batch waits to run: the batch
    neither joins it nor is lost with it."""
    inside = asyncio.Event()

    async def rolled_back() -> None:
        with pytest.raises(Refused):
            async with in_transaction() as conn:
                sql = in_dialect(_FORM, conn.capabilities.dialect)
                await conn.execute_query(sql, ["x" * 64, this_hour()])
                inside.set()
                await asyncio.sleep(0.2)
                raise Refused

    async def batch() -> None:
        await inside.wait()
        await run_atomically([form("y" * 64)])

    await asyncio.gather(rolled_back(), batch())
    assert await digests() == ["y" * 64]


async def test_an_insert_is_stored_as_the_orm_stores_it(db: Database) -> None:
    category = await Category.get(slug="food")
    area = await Area.first()
    assert area is not None
    hour = this_hour()
    values = {
        "codename_hash": "h" * 64,
        "category_id": category.id,
        "area_id": area.id,
        "urgency": "soon",
        "description": "written through a batch",
        "contact": None,
        "language": "es",
        "status": "open",
        "created_at": hour,
        "last_activity_at": hour,
    }
    await run_atomically([insert_of(Need(**values))])
    await Need.create(**{**values, "codename_hash": "o" * 64, "description": "by the ORM"})
    sql = 'SELECT * FROM "need" ORDER BY "codename_hash"'
    _, rows = await connection().execute_query(sql)
    batch, orm = ({k: v for k, v in dict(row).items() if k != "id"} for row in rows)
    assert batch.keys() == orm.keys()
    for column in batch:
        if column not in ("codename_hash", "description"):
            assert batch[column] == orm[column], column
    # The description is sealed (AES-GCM), never the plaintext, and opens as written.
    assert b"batch" not in bytes(batch["description"])
    stored = await Need.get(codename_hash="h" * 64)
    assert stored.description == "written through a batch" and stored.contact is None
    assert isinstance(stored.id, uuid.UUID)


async def test_a_batch_is_one_trip_to_the_database(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The point of run_atomically: on SQLite, one call into aiosqlite's thread for the
    whole transaction, however many statements (Tortoise: one per statement, plus three);
    on PostgreSQL, the checks and then one statement for every write."""
    check = Write.check('SELECT 1 FROM "category" WHERE "slug" = ?', ("food",), Refused)
    writes = [check, *(form(c * 64) for c in "abcdef")]
    calls = 0
    if is_sqlite():
        database = connection()._connection  # type: ignore[attr-defined]
        real = database._execute

        async def counted(fn: object, *args: object, **kwargs: object) -> object:
            nonlocal calls
            calls += 1
            return await real(fn, *args, **kwargs)

        monkeypatch.setattr(database, "_execute", counted)
        await run_atomically(writes)
        assert calls == 1
    else:
        from tortoise.backends.asyncpg.client import TransactionWrapper

        for name in ("execute_query", "execute_query_dict"):
            real_query = getattr(TransactionWrapper, name)

            async def counted_query(
                self: object, *args: object, _real: object = real_query
            ) -> object:
                nonlocal calls
                calls += 1
                return await _real(self, *args)  # type: ignore[operator]

            monkeypatch.setattr(TransactionWrapper, name, counted_query)
        await run_atomically(writes)
        assert calls == 2  # the check, then the six writes as one statement
    assert len(await digests()) == 6


async def test_counters_upsert_in_one_statement_either_way(db: Database) -> None:
    from mutualaid.services.counters import bump_writes

    await run_atomically(bump_writes(("m",), when=this_hour(), category="food", by=2))
    await run_atomically(bump_writes(("m",), when=this_hour(), category="food", by=3))
    values = await Counter.filter(metric="m").values_list("value", flat=True)
    assert values == [5]
