"""The inventory's facts match the models: what it calls encrypted is stored encrypted, and
only text can be free text. Every entry says its purpose, readers and retention."""

from __future__ import annotations

from tortoise import Tortoise, fields

from mutualaid.domain.inventory import INVENTORY, RETENTION
from mutualaid.storage.fields import EncryptedTextField
from tests.conftest import Database

TEXT_FIELDS = (fields.CharField, fields.TextField, EncryptedTextField)


async def test_encrypted_and_free_text_flags_match_the_stored_fields(db: Database) -> None:
    apps = Tortoise.apps
    assert apps is not None
    wrong = []
    for name, model in apps["models"].items():
        if name == "Aerich":
            continue
        for field_name, field in model._meta.fields_map.items():
            kept = INVENTORY[name].get(field_name) or INVENTORY[name].get(
                field_name.removesuffix("_id")
            )
            if kept is None:
                continue  # reverse relations; test_inventory.py covers stored fields
            if kept.encrypted != isinstance(field, EncryptedTextField):
                wrong.append((name, field_name, "encrypted"))
            if kept.free_text and not isinstance(field, TEXT_FIELDS):
                wrong.append((name, field_name, "free text"))
            if (
                isinstance(field, fields.TextField)
                and not kept.free_text
                and name != "PublishedReport"
            ):
                # Long plain text is someone's words unless we generate it (reports).
                wrong.append((name, field_name, "free text"))
    assert not wrong


def test_every_entry_says_why_who_and_how_long() -> None:
    for model, entries in INVENTORY.items():
        for field_name, kept in entries.items():
            assert str(kept.purpose).strip(), (model, field_name)
            assert str(kept.readers).strip(), (model, field_name)
            assert kept.retention in RETENTION, (model, field_name)
