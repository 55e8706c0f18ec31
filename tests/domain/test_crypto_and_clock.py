"""Field encryption (privacy promise 4) and hour-only times (privacy promise 2)."""

from __future__ import annotations

import secrets
from datetime import UTC, datetime, timedelta, timezone

import pytest

from mutualaid.crypto import NONCE_BYTES, DecryptionError, FieldCipher
from mutualaid.domain.clock import month_of, to_hour

CONTEXT = "Need.description"
TEXT = "Groceries and a charger, ñandú 漢字 🙂"


@pytest.fixture
def cipher() -> FieldCipher:
    return FieldCipher(secrets.token_bytes(32))


@pytest.mark.parametrize("plaintext", ["", "x", TEXT, "line\nbreak\ttab", "z" * 5000])
def test_round_trip(cipher: FieldCipher, plaintext: str) -> None:
    blob = cipher.seal(plaintext, context=CONTEXT)
    assert isinstance(blob, bytes)
    assert cipher.open(blob, context=CONTEXT) == plaintext


def test_the_blob_does_not_contain_the_text(cipher: FieldCipher) -> None:
    blob = cipher.seal(TEXT, context=CONTEXT)
    assert TEXT.encode() not in blob
    assert b"Groceries" not in blob


def test_two_seals_of_the_same_text_differ(cipher: FieldCipher) -> None:
    first = cipher.seal(TEXT, context=CONTEXT)
    second = cipher.seal(TEXT, context=CONTEXT)
    assert first != second
    assert first[1 : 1 + NONCE_BYTES] != second[1 : 1 + NONCE_BYTES]
    assert cipher.open(first, context=CONTEXT) == cipher.open(second, context=CONTEXT)


def test_a_value_sealed_for_one_field_does_not_open_as_another(cipher: FieldCipher) -> None:
    blob = cipher.seal(TEXT, context="Need.contact")
    with pytest.raises(DecryptionError):
        cipher.open(blob, context=CONTEXT)
    with pytest.raises(DecryptionError):
        cipher.open(blob, context="")


def test_another_key_cannot_open_it(cipher: FieldCipher) -> None:
    blob = cipher.seal(TEXT, context=CONTEXT)
    with pytest.raises(DecryptionError):
        FieldCipher(secrets.token_bytes(32)).open(blob, context=CONTEXT)


def test_every_tampered_byte_is_detected(cipher: FieldCipher) -> None:
    blob = cipher.seal("short", context=CONTEXT)
    for index in range(len(blob)):
        tampered = bytearray(blob)
        tampered[index] ^= 0x01
        with pytest.raises(DecryptionError):
            cipher.open(bytes(tampered), context=CONTEXT)


@pytest.mark.parametrize(
    "mangle",
    [
        lambda b: b[:-1],
        lambda b: b[: 1 + NONCE_BYTES],
        lambda b: b + b"\x00",
        lambda b: b"",
        lambda b: b"\x02" + b[1:],
    ],
    ids=["truncated", "no-ciphertext", "extended", "empty", "unknown-version"],
)
def test_truncated_or_extended_blobs_are_refused(cipher: FieldCipher, mangle) -> None:  # type: ignore[no-untyped-def]
    blob = cipher.seal(TEXT, context=CONTEXT)
    with pytest.raises(DecryptionError):
        cipher.open(mangle(blob), context=CONTEXT)


def test_a_short_key_is_refused() -> None:
    with pytest.raises(ValueError):
        FieldCipher(b"k" * 31)


@pytest.mark.parametrize(
    ("moment", "expected"),
    [
        (
            datetime(2031, 5, 17, 13, 37, 42, 123456, tzinfo=UTC),
            datetime(2031, 5, 17, 13, tzinfo=UTC),
        ),
        (datetime(2031, 5, 17, 13, 0, tzinfo=UTC), datetime(2031, 5, 17, 13, tzinfo=UTC)),
        (
            datetime(2031, 5, 17, 13, 59, 59, 999999, tzinfo=UTC),
            datetime(2031, 5, 17, 13, tzinfo=UTC),
        ),
        # 23:45 at UTC-5 is 04:45 UTC on the next day.
        (
            datetime(2031, 12, 31, 23, 45, tzinfo=timezone(timedelta(hours=-5))),
            datetime(2032, 1, 1, 4, tzinfo=UTC),
        ),
        # Half-hour offsets must not leave minutes behind.
        (
            datetime(2031, 5, 17, 10, 10, tzinfo=timezone(timedelta(hours=5, minutes=30))),
            datetime(2031, 5, 17, 4, tzinfo=UTC),
        ),
    ],
)
def test_to_hour_keeps_only_the_utc_hour(moment: datetime, expected: datetime) -> None:
    result = to_hour(moment)
    assert result == expected
    assert result.utcoffset() == timedelta(0)
    assert (result.minute, result.second, result.microsecond) == (0, 0, 0)


def test_month_of_is_the_utc_month() -> None:
    assert month_of(datetime(2031, 5, 17, 13, tzinfo=UTC)) == "2031-05"
    assert (
        month_of(datetime(2031, 12, 31, 23, 45, tzinfo=timezone(timedelta(hours=-5)))) == "2032-01"
    )
