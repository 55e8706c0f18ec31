"""Rewrite a migration's MODELS_STATE from the models as they are now.

aerich diffs the models against the newest migration's MODELS_STATE. When migrations written
on parallel branches are chained, the newest one must describe every model, not only its
branch's. Usage (from the repository root, in .venv):
    python scripts/refresh_models_state.py migrations/models/N_..._name.py
"""

import re
import sys
from pathlib import Path

from aerich.utils import get_formatted_compressed_data, get_models_describe
from tortoise import Tortoise, run_async

from mutualaid.storage.db import tortoise_config


async def describe() -> dict[str, object]:
    await Tortoise.init(config=tortoise_config("sqlite://:memory:", with_aerich=True))
    try:
        return get_models_describe("models")
    finally:
        await Tortoise.close_connections()


def main(path: str) -> None:
    migration = Path(path)
    state = {}

    async def run() -> None:
        state.update(await describe())

    run_async(run())
    text = migration.read_text()
    new_state = "MODELS_STATE = (\n    " + get_formatted_compressed_data(state) + "\n)\n"
    updated, count = re.subn(r"MODELS_STATE = \(\n.*?\n\)\n", lambda _: new_state, text, flags=re.S)
    if count != 1:
        raise SystemExit(f"{migration}: expected one MODELS_STATE block")
    migration.write_text(updated)


if __name__ == "__main__":
    main(sys.argv[1])
