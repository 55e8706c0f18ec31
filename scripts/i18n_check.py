"""Check the translation catalogs: up to date with the sources, complete, and safe to format.

Run as `.venv/bin/python scripts/i18n_check.py`. It extracts messages from the current
sources again (same settings as scripts/i18n_update.sh) into a temporary POT, then fails
with exit status 1 when:

  a. mutualaid/locales/messages.pot does not hold exactly the freshly extracted msgids
     (or a catalog holds msgids the template no longer has): run scripts/i18n_update.sh;
  b. a catalog is missing a msgid, or has it empty or fuzzy (or its header is fuzzy,
     which makes `pybabel compile` skip the whole catalog);
  c. a translation's %(name)s placeholders differ from its msgid's, or it has a stray
     "%" (Jinja's newstyle gettext %-formats every message, so that would break a page).

Only msgids are printed, never anything else from the catalogs.
"""

from __future__ import annotations

import re
import sys
import tempfile
from collections.abc import Iterable
from pathlib import Path

from babel.messages.catalog import Catalog, Message
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parents[1]
MAPPING = ROOT / "babel.cfg"
LOCALES = ROOT / "mutualaid" / "locales"
TEMPLATE = LOCALES / "messages.pot"
DOMAIN = "messages"
#: The gettext defaults plus the lazy forms used for labels defined at import time.
KEYWORDS = {**DEFAULT_KEYWORDS, "_l": None, "lazy_gettext": None}
NAMED = re.compile(r"%\([^)]*\)[-#0 +]*\d*(?:\.\d+)?[diouxXeEfFgGcrsa]")

Key = tuple[object, object]


def _key(message: Message) -> Key:
    return (message.id, message.context)


def _show(key: Key) -> str:
    msgid, context = key
    return repr(msgid) if context is None else f"{msgid!r} (context {context!r})"


def _read(path: Path) -> Catalog:
    with path.open("rb") as handle:
        return read_po(handle)


def fresh_template() -> Catalog:
    """Extract from the current sources into a temporary POT and read it back."""
    with MAPPING.open(encoding="utf-8") as handle:
        method_map, options_map = parse_mapping_cfg(handle, filename=str(MAPPING))  # type: ignore[no-untyped-call]
    catalog = Catalog(project="mutualaid")
    for filename, lineno, message, comments, context in extract_from_dir(
        ROOT, method_map, options_map, keywords=KEYWORDS
    ):
        catalog.add(message, None, [(filename, lineno)], auto_comments=comments, context=context)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "messages.pot"
        with path.open("wb") as handle:
            write_po(handle, catalog, no_location=True, sort_output=True)
        return _read(path)


def keys(catalog: Catalog) -> set[Key]:
    return {_key(m) for m in catalog if m.id}


def placeholders(text: str) -> tuple[set[str], int]:
    """The named %-placeholders in `text`, and how many other "%" signs remain."""
    named = set(NAMED.findall(text))
    return named, NAMED.sub("", text).count("%")


def translation_problems(message: Message) -> list[str]:
    """Empty, fuzzy or placeholder problems of one catalog entry."""
    strings = message.string if isinstance(message.string, tuple | list) else (message.string,)
    ids = message.id if isinstance(message.id, tuple | list) else (message.id,)
    problems = []
    if message.fuzzy:
        problems.append("fuzzy")
    if not all(strings):
        problems.append("untranslated")
    expected = set().union(*(placeholders(i)[0] for i in ids))
    stray = max(placeholders(i)[1] for i in ids)
    for text in filter(None, strings):
        named, other = placeholders(text)
        if named != expected or other != stray:
            problems.append("placeholders differ")
            break
    return problems


def catalog_paths() -> Iterable[tuple[str, Path]]:
    for path in sorted(LOCALES.glob(f"*/LC_MESSAGES/{DOMAIN}.po")):
        yield path.parent.parent.name, path


def check() -> tuple[list[str], str]:
    """All problems found (one line each), and the summary to show when there are none."""
    problems: list[str] = []
    fresh = keys(fresh_template())
    committed = keys(_read(TEMPLATE)) if TEMPLATE.exists() else set()
    for key in sorted(fresh - committed, key=repr):
        problems.append(f"messages.pot out of date: not in messages.pot: {_show(key)}")
    for key in sorted(committed - fresh, key=repr):
        problems.append(f"messages.pot out of date: no longer in the sources: {_show(key)}")

    counts = []
    paths = list(catalog_paths())
    if not paths:
        problems.append("no catalogs found")
    for language, path in paths:
        catalog = _read(path)
        entries = {_key(m): m for m in catalog if m.id}
        if catalog.fuzzy:
            problems.append(f"{language}: the catalog header is marked fuzzy")
        for key in sorted(fresh - entries.keys(), key=repr):
            problems.append(f"{language}: missing: {_show(key)}")
        for key in sorted(entries.keys() - fresh, key=repr):
            problems.append(f"{language}: not in the sources any more: {_show(key)}")
        done = 0
        for key in sorted(entries.keys() & fresh, key=repr):
            found = translation_problems(entries[key])
            problems.extend(f"{language}: {problem}: {_show(key)}" for problem in found)
            done += not found
        counts.append(f"{language} {done}/{len(fresh)} translated")
    summary = f"i18n OK: {len(fresh)} messages in messages.pot; " + ", ".join(counts)
    return problems, summary


def main() -> int:
    problems, summary = check()
    if problems:
        sys.stdout.write("\n".join(problems) + "\n")
        sys.stdout.write(f"i18n check failed: {len(problems)} problem(s)\n")
        return 1
    sys.stdout.write(summary + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
