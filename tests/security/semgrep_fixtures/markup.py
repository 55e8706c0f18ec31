"""Bad examples for mutualaid-python-markup: never imported, only scanned."""

import markupsafe
from markupsafe import Markup


def escaped(text: str) -> str:
    # ok: mutualaid-python-markup
    return str(markupsafe.escape(text))


def marked(text: str) -> object:
    # ruleid: mutualaid-python-markup
    return Markup(text)


def marked_by_module(text: str) -> object:
    # ruleid: mutualaid-python-markup
    return markupsafe.Markup("<b>" + text + "</b>")
