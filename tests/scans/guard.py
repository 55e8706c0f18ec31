"""The one place a scanner command is built, and the guard that keeps every scan on loopback.

sqlmap and wapiti send thousands of hostile requests; aimed anywhere but this machine they
would be an attack on somebody else. So no test starts a scanner except through
`scanner_command`, which refuses (raises OffLimits) unless every address it can find in the
command (the targets, any URL among the options, and every request in a request file it
is handed) is on 127.0.0.1 or localhost, and refuses the options that would route traffic
through another machine (a proxy, Tor).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path
from urllib.parse import urlsplit

from tests.scans.tools import Scanner

LOOPBACK_HOSTS = frozenset({"127.0.0.1", "localhost"})
#: Options that would send the scan somewhere else than the target itself.
ROUTING_OPTIONS = frozenset({"--proxy", "-p", "--proxy-file", "--tor", "--tor-port", "--tor-type"})
#: Options whose value is a file of requests or URLs the scanner will visit, by scanner.
REQUEST_FILE_OPTIONS = {"sqlmap": frozenset({"-r", "-l", "-m"}), "wapiti": frozenset({"--swagger"})}
URL = re.compile(r"\b[a-z][a-z0-9+.-]*://[^\s\"'<>]+", re.I)
HOST_HEADER = re.compile(r"^Host:\s*(\S+)\s*$", re.I | re.M)


#: Every command the guard let through, so a test can check each scanner process started
#: was one of them.
APPROVED: list[tuple[str, ...]] = []


class OffLimits(Exception):
    """A scan would reach a host other than this machine's loopback: refused, nothing run."""


def _hosts_in(text: str) -> list[str]:
    urls = URL.findall(text)
    urls += [f"http://{host}/" for host in HOST_HEADER.findall(text)]
    return urls


def _check_url(url: str) -> None:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or parts.hostname not in LOOPBACK_HOSTS:
        raise OffLimits(f"refusing to scan {parts.scheme}://{parts.hostname}")


def scanner_command(scanner: Scanner, options: Sequence[str]) -> list[str]:
    """The command line for one scanner run, or OffLimits if any part of it leaves loopback.

    Every URL in the options is a place the scanner may go (the target, a start page, a
    CSRF page), and so is every URL and Host header in a request file it is given.
    """
    destinations: list[str] = []
    for position, option in enumerate(options):
        name = option.split("=", 1)[0]
        if name in ROUTING_OPTIONS:
            raise OffLimits(f"refusing {name}: scans go straight to loopback")
        destinations += URL.findall(option)
        if name in REQUEST_FILE_OPTIONS[scanner.name] and position + 1 < len(options):
            destinations += _hosts_in(Path(options[position + 1]).read_text())
    if not destinations:
        raise OffLimits("a scan needs a target on 127.0.0.1 or localhost")
    for url in destinations:
        _check_url(url)
    command = [str(scanner.executable), *options]
    APPROVED.append(tuple(command))
    return command
