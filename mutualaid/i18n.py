"""Translation: the current request's language and the gettext functions every layer uses."""

from __future__ import annotations

from contextvars import ContextVar, Token
from functools import cache
from pathlib import Path

from babel.support import LazyProxy, NullTranslations, Translations

LOCALES_DIR = Path(__file__).parent / "locales"
DEFAULT_LANGUAGE = "en"
#: Interface languages shipped, with their names in their own language.
LANGUAGES: dict[str, str] = {"en": "English", "es": "Español"}

_current: ContextVar[str] = ContextVar("language", default=DEFAULT_LANGUAGE)


@cache
def translations(language: str) -> NullTranslations:
    if language == DEFAULT_LANGUAGE:
        return NullTranslations()
    return Translations.load(str(LOCALES_DIR), [language], domain="messages")


def current_language() -> str:
    return _current.get()


def use_language(language: str) -> Token[str]:
    """Make `language` current for this task; hand the token back to `reset_language`."""
    return _current.set(language if language in LANGUAGES else DEFAULT_LANGUAGE)


def reset_language(token: Token[str]) -> None:
    _current.reset(token)


def gettext(message: str) -> str:
    return translations(_current.get()).gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    return translations(_current.get()).ngettext(singular, plural, n)


def lazy_gettext(message: str) -> str:
    """A string translated when it is used, for labels defined at import time."""
    return LazyProxy(gettext, message, enable_cache=False)  # type: ignore[return-value]


_ = gettext
_l = lazy_gettext
