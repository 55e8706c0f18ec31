"""Values read by hand-written SELECTs, converted as the ORM converts them."""

from __future__ import annotations

from typing import Any

from tortoise.models import Model


def python_value(model: type[Model], field: str, raw: Any) -> Any:
    """A column's value as `model`'s field gives it to Python: a date or a time parsed,
    a UUID made, an encrypted field opened (bound to that model and field)."""
    return model._meta.fields_map[field].to_python_value(raw)
