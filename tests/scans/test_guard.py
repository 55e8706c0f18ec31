"""The guard: no scanner command leaves loopback, and every scanner started went through it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.scans.conftest import ScanResults
from tests.scans.guard import APPROVED, OffLimits, scanner_command
from tests.scans.sqlmap_scan import request_log
from tests.scans.survey import Target
from tests.scans.tools import SQLMAP, WAPITI

SCANS = Path(__file__).parent


@pytest.mark.parametrize("host", ["127.0.0.1", "localhost", "127.0.0.1:8000", "localhost:1"])
def test_loopback_targets_are_allowed(host: str) -> None:
    command = scanner_command(WAPITI, ["-u", f"http://{host}/", "--scope", "folder"])
    assert command[0] == str(WAPITI.executable)


@pytest.mark.parametrize(
    "url",
    [
        "http://example.org/",
        "https://mutualaid.example/",
        "http://127.0.0.2/",
        "http://10.0.0.1:8000/",
        "http://[::1]/",
        "http://127.0.0.1.example.org/",
        "http://localhost.example.org/",
        "ftp://127.0.0.1/",
    ],
)
def test_any_other_host_is_refused(url: str) -> None:
    with pytest.raises(OffLimits):
        scanner_command(SQLMAP, ["-u", url, "--batch"])
    # Anywhere in the command: a second start page, a CSRF page, an option's value.
    with pytest.raises(OffLimits):
        scanner_command(WAPITI, ["-u", "http://127.0.0.1:8000/", "-s", url])
    with pytest.raises(OffLimits):
        scanner_command(SQLMAP, ["-u", "http://127.0.0.1:8000/a", f"--csrf-url={url}"])


def test_requests_in_a_request_file_are_checked(tmp_path: Path) -> None:
    log = tmp_path / "requests.log"
    here = Target("someone", "ask_submit", "POST", "/ask", "", "description=x", "csrf=1")
    log.write_text(request_log([here], "http://127.0.0.1:8000"))
    assert scanner_command(SQLMAP, ["-l", str(log), "--batch"])
    log.write_text(request_log([here], "http://127.0.0.1:8000").replace("127.0.0.1", "203.0.113.9"))
    with pytest.raises(OffLimits):
        scanner_command(SQLMAP, ["-l", str(log), "--batch"])
    log.write_text("POST /ask HTTP/1.1\nHost: example.org\n\ndescription=x\n")
    with pytest.raises(OffLimits):
        scanner_command(SQLMAP, ["-r", str(log), "--batch"])


@pytest.mark.parametrize("option", ["--proxy=http://127.0.0.1:8080", "--tor", "-p"])
def test_routing_through_another_machine_is_refused(option: str) -> None:
    with pytest.raises(OffLimits):
        scanner_command(SQLMAP, ["-u", "http://127.0.0.1:8000/", option])


def test_a_command_without_a_target_is_refused() -> None:
    with pytest.raises(OffLimits):
        scanner_command(SQLMAP, ["--batch"])


def test_scanners_are_started_only_with_guarded_commands() -> None:
    """In the scan code, the only processes started are commands the guard built."""
    for module in SCANS.glob("*.py"):
        if module.name == Path(__file__).name:
            continue
        source = module.read_text()
        starts = len(
            re.findall(r"subprocess\.(?:Popen|run|call|check_call|check_output)\(", source)
        )
        if module.name == "tools.py":  # `--version`, with no target
            assert starts == 1
            continue
        assert starts == source.count("command = scanner_command("), module.name
        assert "os.system" not in source and "shell=True" not in source, module.name


def test_every_scanner_run_was_approved_by_the_guard(scans: ScanResults) -> None:
    started = [run.command for run in scans.sqlmap or []]
    started += [run.command for run in scans.wapiti or []]
    assert started, "no scanner ran"
    for command in started:
        assert tuple(command) in APPROVED
