"""Running a server under test as its own process: the app or a bare baseline, on loopback.

The app is served the way `mutualaid serve` serves it (uvicorn, no access log, no Server
header, no proxy headers), started through uvicorn's own command line against an app
factory so that `--workers N` is available. The scheduler is off: benchmark and load figures
are about requests, and with several workers the jobs belong in `mutualaid scheduler`.
"""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

from mutualaid.settings import Settings

ROOT = Path(__file__).resolve().parents[1]
#: Limits high enough that a benchmark is never answered 429. Only these servers get them.
UNTHROTTLED = {
    "MUTUALAID_POSTS_PER_CLIENT_PER_HOUR": "100000000",
    "MUTUALAID_POSTS_PER_HOUR": "100000000",
    "MUTUALAID_CODENAME_CHECKS_PER_CLIENT_PER_MINUTE": "100000000",
    "MUTUALAID_CODENAME_CHECKS_PER_MINUTE": "100000000",
}


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def app_environment(settings: Settings, *, throttled: bool = False) -> dict[str, str]:
    """The environment that makes `mutualaid serve` build the app with `settings`."""
    env = {
        "DATABASE_URL": settings.database_url,
        "MUTUALAID_ENVIRONMENT": settings.environment,
        "MUTUALAID_KEY_FILE": str(settings.key_file),
        "MUTUALAID_ARGON2_MEMORY_KIB": str(settings.argon2_memory_kib),
        "MUTUALAID_ARGON2_TIME_COST": str(settings.argon2_time_cost),
        "MUTUALAID_ARGON2_PARALLELISM": str(settings.argon2_parallelism),
    }
    for name in ("codename_key", "encryption_key", "session_key"):
        value = getattr(settings, name)
        if value is not None:
            env[f"MUTUALAID_{name.upper()}"] = value.get_secret_value()
    if not throttled:
        env.update(UNTHROTTLED)
    return env


def serve_command(port: int, *, workers: int = 1) -> list[str]:
    """The app exactly as deployed: `mutualaid serve --workers N`, jobs left to
    `mutualaid scheduler` (not started here: a purge mid-run would muddle the figures)."""
    return [
        sys.executable,
        "-m",
        "mutualaid",
        "serve",
        "--host",
        "127.0.0.1",
        "--port",
        str(port),
        "--workers",
        str(workers),
        "--no-scheduler",
    ]


def uvicorn_command(factory: str, port: int, *, workers: int = 1) -> list[str]:
    """uvicorn as `mutualaid serve` configures it, against an app factory (the bare stack)."""
    return [
        sys.executable,
        "-m",
        "uvicorn",
        "--factory",
        factory,
        "--host",
        "127.0.0.1",
        "--port",
        str(port),
        "--workers",
        str(workers),
        "--no-access-log",  # privacy promise 2, as in `mutualaid serve`
        "--no-server-header",
        "--no-proxy-headers",
        "--log-level",
        "warning",
    ]


@dataclass
class Server:
    """One server process group on 127.0.0.1: started, waited for, measured, stopped or killed."""

    command: list[str]
    env: dict[str, str]
    port: int
    ready_path: str = "/healthz"
    process: subprocess.Popen[bytes] | None = field(default=None, repr=False)

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def pid(self) -> int:
        if self.process is None:
            raise RuntimeError("the server was never started")
        return self.process.pid

    def start(self, timeout: float = 60.0) -> Server:
        environment = {**os.environ, **self.env}
        environment.pop("MUTUALAID_TEST_POSTGRES_URL", None)
        self.process = subprocess.Popen(  # noqa: S603 (our own interpreter and arguments)
            self.command,
            cwd=ROOT,
            env=environment,
            start_new_session=True,  # its own process group, so a kill takes every worker
            stdout=subprocess.DEVNULL,
        )
        self._wait_ready(timeout)
        return self

    def _wait_ready(self, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process is not None and self.process.poll() is not None:
                raise RuntimeError(f"server exited with {self.process.returncode} at start")
            try:
                with urllib.request.urlopen(self.base_url + self.ready_path, timeout=2) as answer:  # noqa: S310 (loopback)
                    if answer.status == 200:
                        return
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                pass
            time.sleep(0.1)
        self.kill()
        raise RuntimeError(f"server not ready within {timeout:.0f} s")

    def peak_rss_kib(self) -> int:
        """VmHWM (peak resident memory) of the server and all its child processes, summed."""
        return sum(_peak_rss_kib(pid) for pid in _process_tree(self.pid))

    def cpu_seconds(self) -> float:
        """CPU time (user and system) used so far by the server and its child processes.
        Unlike requests per second, CPU per request hardly moves when the machine is busy."""
        return sum(_cpu_seconds(pid) for pid in _process_tree(self.pid))

    def kill(self) -> None:
        """SIGKILL the whole process group, as a power cut or the OOM killer would."""
        if self.process is None or self.process.poll() is not None:
            return
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait(timeout=30)

    def stop(self, timeout: float = 20.0) -> None:
        """A graceful stop (SIGTERM to the group), then SIGKILL if it hangs."""
        if self.process is None or self.process.poll() is not None:
            return
        try:
            os.killpg(self.process.pid, signal.SIGTERM)
            self.process.wait(timeout=timeout)
        except ProcessLookupError:
            pass
        except subprocess.TimeoutExpired:
            self.kill()

    def __enter__(self) -> Server:
        return self.start()

    def __exit__(self, *_: object) -> None:
        self.stop()


def _parents() -> dict[int, int]:
    """Every process's parent, read from /proc/<pid>/stat (no `children` files on every kernel)."""
    parents = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            text = stat.read_text()
        except OSError:
            continue
        # The name in parentheses may hold spaces; the parent id is the second field after it.
        parents[int(stat.parent.name)] = int(text.rsplit(")", 1)[1].split()[1])
    return parents


def _process_tree(pid: int) -> list[int]:
    parents = _parents()
    tree, pending = [], [pid]
    while pending:
        current = pending.pop()
        tree.append(current)
        pending += [child for child, parent in parents.items() if parent == current]
    return tree


def _cpu_seconds(pid: int) -> float:
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    # utime and stime are fields 14 and 15 of stat(5); `fields` starts at field 3.
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _peak_rss_kib(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0
