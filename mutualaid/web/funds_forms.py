"""Forms for giving (/give, and organizations' fund pledges) and for recording disbursements."""

from __future__ import annotations

import uuid
from datetime import date, timedelta
from typing import Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, ValidationInfo, field_validator
from starlette.datastructures import FormData

from mutualaid.domain.clock import today
from mutualaid.domain.money import (
    DESIGNATION,
    DisbursementMethod,
    Frequency,
    InvalidAmount,
    disbursement_amount,
    gift_amount,
)
from mutualaid.i18n import _l

#: Disbursements can be recorded for the past year, never the future.
MAX_DAYS_BACK = 366


def _blank_is_none(value: Any) -> Any:
    if isinstance(value, str):
        value = value.strip()
    return None if value == "" else value


Designation = Annotated[str, Field(pattern=DESIGNATION.pattern)]


class GiftForm(BaseModel):
    """`amount` is a preset (in minor units) or "other", then `other_amount` is typed."""

    model_config = ConfigDict(extra="ignore", frozen=True)

    frequency: Frequency
    amount: Annotated[str, Field(pattern=r"^([0-9]{1,9}|other)$")]
    other_amount: str = ""
    designation: Designation
    #: Only organizations are asked; for everyone else it is absent, so anonymous.
    credit: Annotated[Literal["name", "anonymous"], BeforeValidator(lambda v: v or "anonymous")] = (
        "anonymous"
    )

    @field_validator("other_amount")
    @classmethod
    def _typed_amount(cls, value: str, info: ValidationInfo) -> str:
        if info.data.get("amount") == "other":
            gift_amount(value, exponent=_exponent(info))  # raises InvalidAmount
        return value

    def minor_units(self, *, exponent: int, presets: tuple[int, ...]) -> int:
        """The amount chosen or typed; presets are the only amounts taken as minor units."""
        if self.amount == "other":
            return gift_amount(self.other_amount, exponent=exponent)
        value = int(self.amount)
        if value not in presets:
            raise InvalidAmount(self.amount)
        return value


def _exponent(info: ValidationInfo) -> int:
    context = info.context or {}
    return int(context.get("exponent", 2))


class DisbursementForm(BaseModel):
    model_config = ConfigDict(extra="ignore", frozen=True)

    amount: str
    designation: Designation
    paid_on: date
    method: DisbursementMethod
    need: Annotated[uuid.UUID | None, BeforeValidator(_blank_is_none)] = None
    override: bool = False

    @field_validator("amount")
    @classmethod
    def _amount(cls, value: str, info: ValidationInfo) -> str:
        disbursement_amount(value, exponent=_exponent(info))
        return value

    @field_validator("paid_on")
    @classmethod
    def _recent(cls, value: date) -> date:
        if value > today() or value < today() - timedelta(days=MAX_DAYS_BACK):
            raise ValueError("paid on")
        return value

    @field_validator("override", mode="before")
    @classmethod
    def _checkbox(cls, value: Any) -> bool:
        return value in ("yes", "on", "true", True)


FUNDS_FIELD_MESSAGES: dict[str, str] = {
    "frequency": _l("Choose whether to give once or every month."),
    "amount": _l("Choose an amount, or choose “Another amount” and type it."),
    "other_amount": _l(
        "Type an amount from 1 to 10,000, using digits and at most one decimal point "
        "(for example 15 or 12.50)."
    ),
    "designation": _l("Choose the general fund or one of the funds in the list."),
    "credit": _l("Choose whether reports may thank your organization by name."),
    "disbursement_amount": _l(
        "Type the amount paid out, more than zero, using digits and at most one decimal "
        "point (for example 40 or 12.50)."
    ),
    "paid_on": _l("Choose the day it was paid: today or within the past year."),
    "method": _l("Choose how it was paid."),
    "need": _l("Paste a request's id from its page, or leave it empty."),
    "unknown_need": _l(
        "No request has that id. It may have been deleted. Check it, or leave it empty."
    ),
    "overdrawn": _l(
        "This is more than the fund holds (%(balance)s). To record it anyway, tick "
        "“Spend past the balance”: coordinators will see that you did."
    ),
}


def form_values(form: FormData, model: type[BaseModel]) -> dict[str, Any]:
    """The submitted values as typed, to show the form again without losing anything."""
    values: dict[str, Any] = {}
    for name in model.model_fields:
        value = form.get(name)
        values[name] = value if isinstance(value, str) else ""
    return values
