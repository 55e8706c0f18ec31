"""The data inventory covers every stored field, so /privacy can't silently fall behind."""

from __future__ import annotations

from tortoise import Tortoise

from mutualaid.domain.inventory import INVENTORY, RETENTION
from tests.conftest import Database


async def test_every_model_field_has_an_inventory_entry(db: Database) -> None:
    apps = Tortoise.apps
    assert apps is not None
    stored = {
        name: set(model._meta.fields_map)
        - set(model._meta.backward_fk_fields)
        - set(model._meta.backward_o2o_fields)
        - {
            f
            for f, field in model._meta.fields_map.items()
            if field.__class__.__name__ == "ManyToManyFieldInstance"
            and getattr(field, "_generated", False)
        }
        for name, model in apps["models"].items()
        if name != "Aerich"
    }
    for model, fields in stored.items():
        assert model in INVENTORY, model
        documented = set(INVENTORY[model])
        missing = {
            f for f in fields if f not in documented and f.removesuffix("_id") not in documented
        }
        assert not missing, (model, sorted(missing))
    for entries in INVENTORY.values():
        assert all(kept.retention in RETENTION for kept in entries.values())
