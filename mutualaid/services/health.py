"""Is the database answering?"""

from __future__ import annotations

from mutualaid.storage.db import connection


async def database_ok() -> bool:
    try:
        await connection().execute_query("SELECT 1")
    except Exception:  # any failure means "not healthy"; the reason is not for the public
        return False
    return True
