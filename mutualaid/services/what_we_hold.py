"""What a data request could obtain from us: every table's shape and row counts, the facts
the data inventory states for each field, and where keys and logs are. Never content: no
row is read, only counted (requirement R16; `mutualaid export-what-we-hold`)."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from pathlib import Path

from pypika_tortoise import functions
from pypika_tortoise.queries import Query, Table
from tortoise import Tortoise
from tortoise.fields.relational import ManyToManyFieldInstance
from tortoise.functions import Count
from tortoise.models import Model

from mutualaid.domain.inventory import INVENTORY, TABLE_NAMES, retention_texts
from mutualaid.logging_config import logging_config
from mutualaid.settings import Settings
from mutualaid.storage.db import connection, sqlite_path


@dataclass(frozen=True)
class FieldFacts:
    """One stored field as the inventory describes it."""

    name: str
    purpose: str
    readers: str
    kept: str
    encrypted: bool
    free_text: bool


@dataclass(frozen=True)
class TableHoldings:
    """One table: what it is for, how many rows it has, and the facts of each field."""

    table: str
    title: str
    rows: int
    #: Rows per status, for tables with a status (need, offer, match, ...); else empty.
    by_status: dict[str, int]
    #: Link tables behind many-to-many fields (e.g. offer_area) and their row counts.
    links: dict[str, int]
    fields: list[FieldFacts]


@dataclass(frozen=True)
class Surroundings:
    """What sits outside the tables: the database, the key file, and the logs."""

    database: str
    database_files: dict[str, int]
    key_file: str
    key_file_exists: bool
    access_log: str
    log_files: list[str]
    sql_log_level: str


@dataclass(frozen=True)
class Holdings:
    tables: list[TableHoldings]
    surroundings: Surroundings


def _models() -> dict[str, type[Model]]:
    apps = Tortoise.apps
    if apps is None:
        raise RuntimeError("storage is not started")
    return {name: model for name, model in apps["models"].items() if name != "Aerich"}


def _field_facts(model: str, texts: dict[str, str]) -> list[FieldFacts]:
    return [
        FieldFacts(
            name=name,
            purpose=str(kept.purpose),
            readers=str(kept.readers),
            kept=texts[kept.retention],
            encrypted=kept.encrypted,
            free_text=kept.free_text,
        )
        for name, kept in INVENTORY[model].items()
    ]


async def _rows_by_status(model: type[Model]) -> dict[str, int]:
    if "status" not in model._meta.fields_map:
        return {}
    rows = await model.annotate(n=Count("status")).group_by("status").values("status", "n")
    return {str(row["status"]): int(row["n"]) for row in sorted(rows, key=lambda r: r["status"])}


async def _count_table(table: str) -> int:
    """Rows of a table without a model of its own (a many-to-many link table)."""
    # The query builder quotes the name; link table names come from our own models.
    statement = Query.from_(Table(table)).select(functions.Count("*")).get_sql()
    _, rows = await connection().execute_query(statement)
    return int(next(iter(dict(rows[0]).values())))


async def _links(model: type[Model]) -> dict[str, int]:
    through = sorted(
        {
            str(field.through)
            for field in model._meta.fields_map.values()
            if isinstance(field, ManyToManyFieldInstance) and not field._generated
        }
    )
    return {table: await _count_table(table) for table in through}


def _surroundings(settings: Settings) -> Surroundings:
    config = logging_config()
    path = sqlite_path(settings.database_url)
    files: dict[str, int] = {}
    if path is not None:
        for suffix in ("", "-wal", "-shm"):
            candidate = Path(path + suffix)
            if candidate.exists():
                files[candidate.name] = candidate.stat().st_size
    access = config["loggers"].get("uvicorn.access", {})
    return Surroundings(
        database=f"SQLite file {path}" if path else "PostgreSQL (the server's own files)",
        database_files=files,
        key_file=str(settings.key_file),
        key_file_exists=settings.key_file.exists(),
        access_log="off" if not access.get("handlers") else "on",
        log_files=[
            str(handler["filename"])
            for handler in config["handlers"].values()
            if "filename" in handler
        ],
        sql_log_level=str(config["loggers"]["tortoise.db_client"]["level"]),
    )


async def gather_holdings(settings: Settings) -> Holdings:
    """Count everything we hold, table by table; storage must be open."""
    texts = retention_texts(
        closed_days=settings.closed_retention_days,
        expiry_days=settings.need_expiry_days,
        audit_days=settings.audit_retention_days,
    )
    tables = [
        TableHoldings(
            table=model._meta.db_table,
            title=str(TABLE_NAMES.get(name, name)),
            rows=await model.all().count(),
            by_status=await _rows_by_status(model),
            links=await _links(model),
            fields=_field_facts(name, texts),
        )
        for name, model in sorted(_models().items(), key=lambda item: item[1]._meta.db_table)
    ]
    return Holdings(tables=tables, surroundings=_surroundings(settings))


def holdings_json(holdings: Holdings) -> str:
    return json.dumps(asdict(holdings), indent=2, ensure_ascii=False)


def _yes(flag: bool) -> str:
    return "yes" if flag else "no"


def _field_lines(fields: list[FieldFacts]) -> list[str]:
    """One line per set of fields that share every fact, in the inventory's order."""
    groups: dict[tuple[str, str, str, bool, bool], list[str]] = {}
    for facts in fields:
        key = (facts.purpose, facts.readers, facts.kept, facts.encrypted, facts.free_text)
        groups.setdefault(key, []).append(facts.name)
    return [
        f"  - {', '.join(names)}: {purpose.rstrip('.')}. Read by: {readers.rstrip('.')}. "
        f"Kept: {kept.rstrip('.')}. Encrypted: {_yes(encrypted)}. Free text: {_yes(free_text)}."
        for (purpose, readers, kept, encrypted, free_text), names in groups.items()
    ]


def holdings_text(holdings: Holdings) -> str:
    """The plain-text report for an operator answering a data request."""
    out: list[str] = [
        "What this mutualaid holds: structure and row counts, never content.",
        "",
    ]
    for table in holdings.tables:
        out.append(f"{table.table} ({table.title}): rows {table.rows}")
        if table.by_status:
            counts = ", ".join(f"{status} {n}" for status, n in table.by_status.items())
            out.append(f"  rows by status: {counts}")
        for link, n in table.links.items():
            out.append(f"  link table {link}: rows {n}")
        out.extend(_field_lines(table.fields))
        out.append("")
    place = holdings.surroundings
    out.append(f"Database: {place.database}")
    for name, size in place.database_files.items():
        out.append(f"  {name}: {size} bytes")
    presence = "present" if place.key_file_exists else "absent (secrets from the environment)"
    out.append(f"Key file (kept apart from the database): {place.key_file}, {presence}")
    out.append(f"Access log: {place.access_log}")
    out.append(f"Log files: {', '.join(place.log_files) or 'none (logs go to standard error)'}")
    out.append(f"SQL logging level: {place.sql_log_level} (no statements or values logged)")
    return "\n".join(out)
