"""Loading one URL with wrk (Debian package `wrk`) and reading its figures."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

SCRIPTS = Path(__file__).resolve().parent / "wrk"
_UNIT_MS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0}
_LATENCY = re.compile(r"^\s*(50|99)(?:\.0+)?%\s+([\d.]+)(us|ms|s|m)\s*$", re.MULTILINE)
_RATE = re.compile(r"^Requests/sec:\s+([\d.]+)", re.MULTILINE)
_TOTAL = re.compile(r"^\s*(\d+) requests in", re.MULTILINE)
_NON_2XX = re.compile(r"Non-2xx or 3xx responses:\s+(\d+)")
_SOCKET = re.compile(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)")


@dataclass(frozen=True)
class Load:
    """What wrk is asked to do: one URL, a Lua script from benchmarks/wrk, its environment."""

    url: str
    script: str = "get.lua"
    env: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Result:
    requests: int
    per_second: float
    p50_ms: float
    p99_ms: float
    #: Answers other than 2xx and 3xx (wrk's count), and socket errors incl. timeouts.
    non_2xx_3xx: int
    socket_errors: int


def wrk_available() -> bool:
    return shutil.which("wrk") is not None


def run_wrk(load: Load, *, seconds: float, connections: int, threads: int = 1) -> Result:
    """Run wrk against 127.0.0.1 for `seconds`; timeouts are long, so slow answers are timed
    rather than dropped from the latency figures."""
    command = [
        "wrk",
        f"--threads={threads}",
        f"--connections={connections}",
        f"--duration={max(1, round(seconds))}s",
        "--timeout=30s",
        "--latency",
        f"--script={SCRIPTS / load.script}",
        load.url,
    ]
    output = subprocess.run(  # noqa: S603 (fixed program, our arguments)
        command,
        env={**os.environ, **load.env},
        capture_output=True,
        text=True,
        check=True,
        timeout=seconds + 120,
    ).stdout
    return parse(output)


def parse(output: str) -> Result:
    latencies = {
        percent: float(value) * _UNIT_MS[unit] for percent, value, unit in _LATENCY.findall(output)
    }
    rate, total = _RATE.search(output), _TOTAL.search(output)
    if rate is None or total is None or set(latencies) != {"50", "99"}:
        raise RuntimeError("could not read wrk's output:\n" + output)
    non_2xx = _NON_2XX.search(output)
    socket = _SOCKET.search(output)
    return Result(
        requests=int(total.group(1)),
        per_second=float(rate.group(1)),
        p50_ms=latencies["50"],
        p99_ms=latencies["99"],
        non_2xx_3xx=int(non_2xx.group(1)) if non_2xx else 0,
        socket_errors=sum(int(n) for n in socket.groups()) if socket else 0,
    )
