"""`python -m benchmarks.crash --db sqlite|postgres`: the load of benchmarks.load, with every
server process SIGKILLed half-way (or at `--crash-after`), restarted at once, and the
database checked afterwards: no acknowledged need lost, nothing half-applied."""

from __future__ import annotations

from benchmarks.load import main

if __name__ == "__main__":
    raise SystemExit(main(crash=True))
