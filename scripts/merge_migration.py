"""Merge aerich's SQLite and PostgreSQL versions of one migration into a single file.

aerich writes raw SQL for the database it ran against. We support both, so each
migration carries both dialects and picks one at run time. Usage:
    python scripts/merge_migration.py SQLITE_FILE POSTGRES_FILE OUT_FILE
"""

import ast
import sys
from pathlib import Path


def sql_of(path: Path, function: str) -> str:
    tree = ast.parse(path.read_text())
    for node in tree.body:
        if isinstance(node, ast.AsyncFunctionDef) and node.name == function:
            for stmt in node.body:
                if isinstance(stmt, ast.Return) and isinstance(stmt.value, ast.Constant):
                    return str(stmt.value.value)
    raise SystemExit(f"{path}: no {function}() returning a string")


def tail_from(path: Path, marker: str) -> str:
    text = path.read_text()
    return text[text.index(marker) :] if marker in text else ""


def main(sqlite_file: str, pg_file: str, out_file: str) -> None:
    lite, pg = Path(sqlite_file), Path(pg_file)
    parts = ["from tortoise import BaseDBAsyncClient\n\nRUN_IN_TRANSACTION = True\n"]
    for function in ("upgrade", "downgrade"):
        parts.append(f"\n_{function.upper()} = {{\n")
        for dialect, source in (("sqlite", lite), ("postgres", pg)):
            parts.append(f'    "{dialect}": """{sql_of(source, function)}""",\n')
        parts.append("}\n")
    for function in ("upgrade", "downgrade"):
        parts.append(
            f"\n\nasync def {function}(db: BaseDBAsyncClient) -> str:\n"
            f"    return _{function.upper()}[db.capabilities.dialect]\n"
        )
    parts.append("\n\n" + tail_from(pg, "MODELS_STATE"))
    Path(out_file).write_text("".join(parts))


if __name__ == "__main__":
    main(*sys.argv[1:4])
