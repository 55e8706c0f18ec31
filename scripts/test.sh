#!/usr/bin/env bash
# The whole suite, as CI runs it: system packages, Python packages, then SQLite and PostgreSQL.
set -euo pipefail
cd "$(dirname "$0")/.."

need_apt=()
command -v chromium >/dev/null 2>&1 || need_apt+=(chromium)
# node and npm install axe-core for the accessibility sweep (tests/browser/package.json).
command -v npm >/dev/null 2>&1 || need_apt+=(nodejs npm)
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need_apt+=(postgresql)
if [ ${#need_apt[@]} -gt 0 ]; then
  echo "installing Debian packages: ${need_apt[*]}"
  sudo=""; [ "$(id -u)" = 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi

make -s dev-deps
make -s scanners
# tests/scans: under `make test` a missing scanner is a failure, not a skip.
export MUTUALAID_TEST_REQUIRE_SCANNERS=1

# axe-core, pinned by tests/browser/package-lock.json; fetched here, never during a test.
if ! (cd tests/browser && npm ls --silent axe-core >/dev/null 2>&1); then
  (cd tests/browser && npm ci --no-audit --no-fund --ignore-scripts)
fi

pg_dir=$(mktemp -d /tmp/mutualaid-pg.XXXXXX)
pg_port=$(.venv/bin/python -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
cleanup() { scripts/pg-throwaway.sh stop "$pg_dir" || true; rm -rf "$pg_dir"; }
trap cleanup EXIT

status=0
echo "== test suite on SQLite =="
.venv/bin/pytest "$@" || status=$?

echo "== test suite on PostgreSQL (throwaway cluster on 127.0.0.1:$pg_port) =="
pg_url=$(scripts/pg-throwaway.sh start "$pg_dir" "$pg_port")
MUTUALAID_TEST_POSTGRES_URL="$pg_url" .venv/bin/pytest "$@" || status=$?

exit $status
