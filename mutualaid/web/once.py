"""Refusing the same form twice (a double click or a reload): the pages' form ids."""

from __future__ import annotations

import secrets

from mutualaid.services import used_forms


def new_form_id() -> str:
    return secrets.token_urlsafe(16)


class SeenForms:
    """Form ids already used, kept in the database so every worker refuses a form that
    another one took (services.used_forms)."""

    async def first_time(self, form_id: str) -> bool:
        return await used_forms.first_time(form_id)

    async def forget(self, form_id: str) -> None:
        await used_forms.forget(form_id)
