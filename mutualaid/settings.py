"""Settings: one frozen object built from the environment, `.env` and the key file, passed in."""

from __future__ import annotations

import base64
import json
import os
import secrets
from pathlib import Path
from typing import Literal
from urllib.parse import urlsplit

from pydantic import Field, SecretStr, field_validator, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

SECRET_NAMES = ("codename_key", "encryption_key", "session_key", "backup_key")

#: Values that look like someone copied an example instead of generating a secret.
PLACEHOLDER_SECRETS = frozenset(
    {"", "changeme", "change-me", "secret", "password", "test", "dev", "example", "xxx"}
)

MIN_SECRET_BYTES = 32


class InsecureSettingsError(ValueError):
    """Production was asked to run with a placeholder, short or shared secret."""


class Settings(BaseSettings):
    """Everything the app can be told, and nothing it should guess."""

    model_config = SettingsConfigDict(
        env_prefix="MUTUALAID_",
        env_file=".env",
        extra="ignore",
        frozen=True,
        populate_by_name=True,
    )

    environment: Literal["development", "production", "test"] = "development"
    #: Tortoise URL. SQLite by default; `postgres://user:pass@127.0.0.1:5432/db` for scale.
    database_url: str = Field(
        default="sqlite://data/mutualaid.sqlite3",
        validation_alias="DATABASE_URL",
    )
    #: Where generated server secrets are kept: a file apart from the database, mode 0600.
    key_file: Path = Path("data/mutualaid.keys")

    # Server secrets (privacy promises 3 and 4): none of them is ever stored in the database.
    codename_key: SecretStr | None = None
    encryption_key: SecretStr | None = None
    session_key: SecretStr | None = None
    #: Seals `mutualaid backup` files; kept here, never inside a backup.
    backup_key: SecretStr | None = None

    #: Open needs with no activity for this many days expire (privacy promise 5).
    need_expiry_days: int = Field(default=21, ge=1, le=365)
    #: Closed needs, their messages and matches are deleted this many days after closing.
    closed_retention_days: int = Field(default=30, ge=1, le=365)
    #: The staff audit log is deleted after this many days.
    audit_retention_days: int = Field(default=90, ge=1, le=730)
    #: Published cells below this count show as "<threshold" (privacy promise 6).
    report_threshold: int = Field(default=11, ge=5, le=1000)

    #: Where quick exit sends people: a neutral, common page.
    quick_exit_url: str = "https://www.bbc.com/weather"
    #: Set when served over TLS: cookies get the __Host- prefix and Secure, and HSTS is sent.
    https: bool = False
    #: Largest request body accepted, in bytes; forms here are small.
    max_body_bytes: int = Field(default=64 * 1024, ge=1024, le=10 * 1024 * 1024)

    #: argon2id cost for staff passwords (OWASP minimum: 19 MiB, 2 passes); cheaper only in tests.
    argon2_memory_kib: int = Field(default=65536, ge=8)
    argon2_time_cost: int = Field(default=3, ge=1)
    argon2_parallelism: int = Field(default=4, ge=1)

    #: For tests only: /healthz also names the process that answered, to prove several
    #: workers share sessions and CSRF tokens. Refused in production.
    healthz_names_worker: bool = False

    #: Optional staff notifications by email (off when empty): `smtp://host:port`.
    smtp_url: str = ""
    smtp_from: str = "mutualaid@localhost"
    #: Public address of this site, for links in staff notifications.
    public_url: str = "http://127.0.0.1:8000"

    # Abuse limits, counted in memory only under a rotating key (privacy promise 2).
    posts_per_client_per_hour: int = Field(default=12, ge=1)
    posts_per_hour: int = Field(default=1200, ge=1)
    codename_checks_per_client_per_minute: int = Field(default=10, ge=1)
    codename_checks_per_minute: int = Field(default=300, ge=1)
    staff_sign_ins_per_client_per_minute: int = Field(default=20, ge=1)
    staff_sign_ins_per_minute: int = Field(default=600, ge=1)

    # Gifts through Stripe Checkout (off unless both keys are set; see README, "Gifts").
    #: Stripe secret API key (sk_... or a restricted rk_... key).
    stripe_secret_key: SecretStr | None = None
    #: The signing secret of our webhook endpoint (whsec_...).
    stripe_webhook_secret: SecretStr | None = None
    #: For tests only: a Stripe stand-in on this machine (http://127.0.0.1:PORT). Empty: Stripe.
    stripe_api_base: str = ""
    #: The one currency of every gift and disbursement (ISO 4217, lower case).
    currency: str = Field(default="usd", pattern=r"^[a-z]{3}$")
    #: Shown on /give, as plain text, for giving without Stripe (cash, bank transfer...).
    other_ways_to_give: str = Field(default="", max_length=2000)

    @field_validator("database_url")
    @classmethod
    def _known_scheme(cls, value: str) -> str:
        if not value.startswith(("sqlite://", "postgres://", "postgresql://", "asyncpg://")):
            raise ValueError("DATABASE_URL must start with sqlite:// or postgres://")
        return value

    @field_validator("stripe_api_base")
    @classmethod
    def _stripe_stand_in_on_loopback(cls, value: str) -> str:
        if value and urlsplit(value).hostname not in LOOPBACK_HOSTS:
            raise ValueError("stripe_api_base may only point at this machine (127.0.0.1)")
        return value.rstrip("/")

    @model_validator(mode="after")
    def _stripe_keys_make_sense(self) -> Settings:
        given = [self.stripe_secret_key, self.stripe_webhook_secret]
        if any(given) and not all(given):
            raise ValueError("set both stripe_secret_key and stripe_webhook_secret, or neither")
        if self.environment == "production":
            if self.healthz_names_worker:
                raise InsecureSettingsError("healthz_names_worker is for tests only")
            if self.stripe_api_base:
                raise InsecureSettingsError("stripe_api_base is for tests only")
            if self.stripe_secret_key is not None and not _looks_like_stripe_key(
                self.stripe_secret_key.get_secret_value(), ("sk_", "rk_")
            ):
                raise InsecureSettingsError("stripe_secret_key doesn't look like a Stripe key")
            if self.stripe_webhook_secret is not None and not _looks_like_stripe_key(
                self.stripe_webhook_secret.get_secret_value(), ("whsec_",)
            ):
                raise InsecureSettingsError("stripe_webhook_secret doesn't look like one")
        return self

    @property
    def online_giving(self) -> bool:
        """Gifts through Stripe are possible only with both keys."""
        return self.stripe_secret_key is not None and self.stripe_webhook_secret is not None

    @model_validator(mode="after")
    def _argon2_cheap_only_in_tests(self) -> Settings:
        if self.environment != "test" and (
            self.argon2_memory_kib < 19456 or self.argon2_time_cost < 2
        ):
            raise ValueError("argon2id below OWASP parameters is only allowed in tests")
        return self

    @model_validator(mode="after")
    def _refuse_weak_secrets_in_production(self) -> Settings:
        if self.environment != "production":
            return self
        given = [getattr(self, name) for name in SECRET_NAMES]
        for name, value in zip(SECRET_NAMES, given, strict=True):
            if value is None:
                continue
            raw = value.get_secret_value()
            if raw.strip().lower() in PLACEHOLDER_SECRETS or len(_decode_secret(raw)) < 32:
                raise InsecureSettingsError(
                    f"{name} looks like a placeholder; generate one with "
                    "`python -c 'import secrets; print(secrets.token_urlsafe(32))'`"
                )
        values = [v.get_secret_value() for v in given if v is not None]
        if len(set(values)) != len(values):
            raise InsecureSettingsError("each server secret must be different")
        return self

    @property
    def is_sqlite(self) -> bool:
        return self.database_url.startswith("sqlite://")

    def secret(self, name: str) -> bytes:
        """The raw bytes of one server secret; `with_secrets()` must have filled it in."""
        value: SecretStr | None = getattr(self, name)
        if value is None:
            raise RuntimeError(f"{name} is not set; build settings with load_settings()")
        return _decode_secret(value.get_secret_value())


#: Where a Stripe stand-in may run (tests): never another machine.
LOOPBACK_HOSTS = frozenset({"127.0.0.1", "localhost", "::1"})


def _looks_like_stripe_key(raw: str, prefixes: tuple[str, ...]) -> bool:
    """Refuse placeholders ("sk_test_xxx", "changeme"): real keys are long random strings."""
    body = raw.split("_", 2)[-1] if raw.count("_") >= 1 else raw
    return (
        raw.startswith(prefixes)
        and len(raw) >= 24
        and body.lower() not in PLACEHOLDER_SECRETS
        and len(set(body)) >= 8
    )


def _decode_secret(raw: str) -> bytes:
    """Accept base64url secrets (as generated) and fall back to the raw text's bytes."""
    try:
        decoded = base64.urlsafe_b64decode(raw + "=" * (-len(raw) % 4))
    except ValueError:
        decoded = b""
    return decoded if len(decoded) >= MIN_SECRET_BYTES else raw.encode()


def with_secrets(settings: Settings) -> Settings:
    """Fill in missing server secrets from the key file, generating it (0600) on first run."""
    missing = [name for name in SECRET_NAMES if getattr(settings, name) is None]
    if not missing:
        return settings
    stored = _read_or_create_key_file(settings.key_file)
    filled = {name: SecretStr(stored[name]) for name in missing}
    result = settings.model_copy(update=filled)
    # model_copy skips validation, so run the production checks again on the full set.
    return Settings.model_validate({**result.model_dump(), **filled})


def _read_or_create_key_file(path: Path) -> dict[str, str]:
    data: dict[str, str] = json.loads(path.read_text()) if path.exists() else {}
    if all(name in data for name in SECRET_NAMES):
        return data
    path.parent.mkdir(parents=True, exist_ok=True)
    # Only the missing secrets are generated: replacing an existing one would make every
    # stored encrypted value, codename and backup unreadable.
    data = {name: data.get(name) or secrets.token_urlsafe(32) for name in SECRET_NAMES}
    # Written to a 0600 file of its own, then moved into place in one step: the secrets are
    # never readable by others, and a process starting at the same moment reads a whole file.
    draft = path.with_name(f".{path.name}.{secrets.token_hex(4)}")
    fd = os.open(draft, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w") as handle:
        json.dump(data, handle)
    if not path.exists():
        try:
            os.link(draft, path)  # fails if another process created the file meanwhile
        except FileExistsError:
            os.unlink(draft)
            return _read_or_create_key_file(path)
        os.unlink(draft)
    else:
        os.replace(draft, path)
    os.chmod(path, 0o600)
    return data


def load_settings(**overrides: object) -> Settings:
    """Read the environment and `.env`, apply overrides, and fill in server secrets."""
    return with_secrets(Settings(**overrides))  # type: ignore[arg-type]
