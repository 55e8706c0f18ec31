"""Settings: secrets generated into a private key file, and refused when weak in production."""

from __future__ import annotations

import json
import os
import secrets
import stat
from pathlib import Path

import pytest
from pydantic import ValidationError

from mutualaid.settings import SECRET_NAMES, Settings, load_settings


def test_missing_secrets_are_generated_once_into_a_0600_key_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    key_file = tmp_path / "private" / "keys"
    first = load_settings(key_file=key_file)
    second = load_settings(key_file=key_file)
    assert stat.S_IMODE(os.stat(key_file).st_mode) == 0o600
    names = SECRET_NAMES
    assert {first.secret(n) for n in names} == {second.secret(n) for n in names}
    assert len({first.secret(n) for n in names}) == len(names)
    assert all(len(first.secret(n)) >= 32 for n in names)
    assert set(json.loads(key_file.read_text())) == set(names)


def test_a_key_file_from_before_a_new_secret_keeps_its_secrets(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    key_file = tmp_path / "keys"
    older = {name: secrets.token_urlsafe(32) for name in SECRET_NAMES[:3]}
    key_file.write_text(json.dumps(older))
    settings = load_settings(key_file=key_file)
    stored = json.loads(key_file.read_text())
    assert set(stored) == set(SECRET_NAMES)
    assert all(stored[name] == value for name, value in older.items())
    assert settings.secret("backup_key") not in {settings.secret(n) for n in older}
    assert stat.S_IMODE(os.stat(key_file).st_mode) == 0o600


@pytest.mark.parametrize("placeholder", ["changeme", "secret", "", "short"])
def test_production_refuses_placeholder_secrets(tmp_path: Path, placeholder: str) -> None:
    with pytest.raises(ValidationError):
        Settings(environment="production", codename_key=placeholder, key_file=tmp_path / "k")


def test_production_refuses_the_same_secret_twice(tmp_path: Path) -> None:
    same = "x" * 48
    with pytest.raises(ValidationError):
        Settings(environment="production", codename_key=same, encryption_key=same)


def test_the_report_threshold_can_never_go_below_five() -> None:
    with pytest.raises(ValidationError):
        Settings(report_threshold=4)


def test_the_database_url_comes_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DATABASE_URL", "postgres://u:p@127.0.0.1:5432/aid")
    assert Settings().database_url == "postgres://u:p@127.0.0.1:5432/aid"
    monkeypatch.setenv("DATABASE_URL", "mysql://nope")
    with pytest.raises(ValidationError):
        Settings()
