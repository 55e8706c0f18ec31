#!/usr/bin/env bash
# Re-extract translatable text, merge it into every catalog, and compile the catalogs.
#
#   scripts/i18n_update.sh                 # after changing any _("...") or _l("...") text
#   .venv/bin/python scripts/i18n_check.py # then translate until this passes
#
# New language: .venv/bin/pybabel init -i mutualaid/locales/messages.pot \
#   -d mutualaid/locales -D messages -l <code>, then add it to LANGUAGES in mutualaid/i18n.py.
set -euo pipefail
cd "$(dirname "$0")/.."

PYBABEL="${PYBABEL:-.venv/bin/pybabel}"
LOCALES=mutualaid/locales
POT="$LOCALES/messages.pot"

tmp="$(mktemp)"
trap 'rm -f "$tmp"' EXIT

# No source locations and sorted output: diffs show only text that really changed.
"$PYBABEL" -q extract -F babel.cfg -k _l -k lazy_gettext --no-location --sort-output \
    --project=mutualaid --copyright-holder="the mutualaid contributors" -o "$tmp" .

# Keep the committed template when nothing but its creation date would change.
if [[ -f "$POT" ]] && cmp -s <(grep -v '^"POT-Creation-Date:' "$POT") \
                              <(grep -v '^"POT-Creation-Date:' "$tmp"); then
    echo "messages.pot is up to date"
else
    cp "$tmp" "$POT"
    echo "messages.pot updated"
fi

"$PYBABEL" update -i "$POT" -d "$LOCALES" -D messages --ignore-pot-creation-date
"$PYBABEL" compile -d "$LOCALES" -D messages --statistics
