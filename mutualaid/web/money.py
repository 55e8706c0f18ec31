"""Showing money: minor units to the reader's language and the deployment's currency."""

from __future__ import annotations

from decimal import Decimal

from babel.numbers import format_currency, get_currency_precision

from mutualaid import i18n


def exponent(currency: str) -> int:
    """How many decimals the currency has (2 for USD and EUR, 0 for JPY)."""
    return int(get_currency_precision(currency.upper()))


def money_text(amount: int, currency: str) -> str:
    """1050 (USD) -> "$10.50" in English, "10,50 US$" in Spanish."""
    value = Decimal(amount).scaleb(-exponent(currency))
    return str(format_currency(value, currency.upper(), locale=i18n.current_language()))
