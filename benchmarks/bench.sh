#!/usr/bin/env bash
# `make bench`: the benchmarks on SQLite, then on PostgreSQL. PostgreSQL is the server named by
# MUTUALAID_BENCH_POSTGRES_URL (an admin URL), or else a throwaway cluster started here and
# stopped after. Arguments go to every run of benchmarks.run, e.g.
# `make bench BENCH_ARGS="--repeat 50"`; HTTP_BENCH_ARGS to every run of benchmarks.http_bench,
# e.g. `HTTP_BENCH_ARGS="--duration 5 --connections 20" make bench`.
set -euo pipefail
cd "$(dirname "$0")/.."
python=.venv/bin/python
status=0
read -r -a http_args <<< "${HTTP_BENCH_ARGS:-}"

if ! command -v wrk >/dev/null 2>&1; then
  echo "installing Debian package: wrk"
  sudo=""; [ "$(id -u)" = 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq wrk >/dev/null
fi

echo "== benchmarks on SQLite =="
$python -m benchmarks.run --db sqlite "$@" || status=$?
echo "== scheduled jobs on SQLite: purge of 1,000,000 closed needs (target < 60 s, < 200 MB), 5 years of reports (< 1 s) ==" && { $python -m benchmarks.jobs_bench || status=$?; }
echo "== HTTP on SQLite: the app (one worker) against the bare stack, with wrk ==" && { $python -m benchmarks.http_bench --db sqlite "${http_args[@]}" || status=$?; }

if [ -z "${MUTUALAID_BENCH_POSTGRES_URL:-}" ]; then
  if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
    echo "installing Debian package: postgresql"
    sudo=""; [ "$(id -u)" = 0 ] || sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq postgresql >/dev/null
  fi
  pg_dir=$(mktemp -d /tmp/mutualaid-bench-pg.XXXXXX)
  pg_port=$($python -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  cleanup() { scripts/pg-throwaway.sh stop "$pg_dir" || true; rm -rf "$pg_dir"; }
  trap cleanup EXIT
  MUTUALAID_BENCH_POSTGRES_URL=$(scripts/pg-throwaway.sh start "$pg_dir" "$pg_port")
  export MUTUALAID_BENCH_POSTGRES_URL
  echo "== benchmarks on PostgreSQL (throwaway cluster on 127.0.0.1:$pg_port) =="
else
  echo "== benchmarks on PostgreSQL (MUTUALAID_BENCH_POSTGRES_URL) =="
fi
$python -m benchmarks.run --db postgres "$@" || status=$?
echo "== HTTP on PostgreSQL: the app (one worker) against the bare stack, with wrk ==" && { $python -m benchmarks.http_bench --db postgres "${http_args[@]}" || status=$?; }
exit $status
