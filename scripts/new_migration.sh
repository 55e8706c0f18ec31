#!/usr/bin/env bash
# Generate a migration for model changes, for SQLite and PostgreSQL at once.
#   MUTUALAID_TEST_POSTGRES_URL=postgres://u:p@127.0.0.1:5432/postgres scripts/new_migration.sh NAME
# aerich writes SQL for the database it runs against, so we run it against both (each first
# brought up to the newest committed migration) and merge the two into one file.
set -euo pipefail
cd "$(dirname "$0")/.."
name=${1:?migration name}
admin=${MUTUALAID_TEST_POSTGRES_URL:?set MUTUALAID_TEST_POSTGRES_URL to a PostgreSQL admin URL}
repo=$(pwd)
work=$(mktemp -d)
db="mig_$(date +%s)"
trap 'rm -rf "$work"; psql "${admin/postgres:\/\//postgresql://}" -qc "DROP DATABASE IF EXISTS $db" >/dev/null 2>&1 || true' EXIT
psql "${admin/postgres:\/\//postgresql://}" -qc "CREATE DATABASE $db"
pg_url=$(echo "$admin" | sed -E "s#/[^/?]*(\?|$)#/$db\1#")

for dialect in sqlite postgres; do
  mkdir -p "$work/$dialect"
  cp -r migrations "$work/$dialect/"
  sed -e "s#^src_folder = .*#src_folder = \"$repo\"#" pyproject.toml > "$work/$dialect/pyproject.toml"
  url="sqlite://$work/$dialect/db.sqlite3"; [ "$dialect" = postgres ] && url=$pg_url
  (cd "$work/$dialect" && DATABASE_URL=$url "$repo/.venv/bin/aerich" upgrade >/dev/null \
     && DATABASE_URL=$url "$repo/.venv/bin/aerich" migrate --name "$name")
done
new=$(cd "$work/sqlite/migrations/models" && ls -t ./*"_$name.py" | head -n 1)
new=${new#./}
pg_file=$(cd "$work/postgres/migrations/models" && ls ./*"_$name.py" | head -n 1)
.venv/bin/python scripts/merge_migration.py "$work/sqlite/migrations/models/$new" \
  "$work/postgres/migrations/models/${pg_file#./}" "migrations/models/$new"
echo "wrote migrations/models/$new: review it by hand"
