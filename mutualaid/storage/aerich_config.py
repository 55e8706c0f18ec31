"""Configuration for the aerich command line only (the app passes its settings in)."""

import os

from mutualaid.storage.db import tortoise_config

TORTOISE_ORM = tortoise_config(
    os.environ.get("DATABASE_URL", "sqlite://data/mutualaid.sqlite3"), with_aerich=True
)
