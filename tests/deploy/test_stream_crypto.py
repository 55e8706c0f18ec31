"""The chunked sealing behind backups: what it refuses (no database: SQLite pass only)."""

from __future__ import annotations

import io
import os

import pytest

from mutualaid.crypto import DecryptionError
from mutualaid.stream_crypto import LENGTH, new_salt, open_chunks, seal_chunks
from tests.conftest import PG_ADMIN_URL

pytestmark = pytest.mark.skipif(
    bool(PG_ADMIN_URL), reason="no database involved: checked once, in the SQLite pass"
)

KEY = os.urandom(32)
HEADER = b"header v1"


def sealed(chunks: list[bytes], salt: bytes) -> list[bytes]:
    return list(seal_chunks(KEY, salt, HEADER, chunks))


def opened(blob: bytes, salt: bytes, *, key: bytes = KEY, header: bytes = HEADER) -> bytes:
    return b"".join(open_chunks(key, salt, header, io.BytesIO(blob).read))


@pytest.mark.parametrize("chunks", [[], [b""], [b"one"], [b"a" * 1000, b"b" * 10, b"c"]])
def test_what_is_sealed_opens_whole(chunks: list[bytes]) -> None:
    salt = new_salt()
    assert opened(b"".join(sealed(chunks, salt)), salt) == b"".join(chunks)


def test_dropped_reordered_or_cut_chunks_and_a_changed_header_fail() -> None:
    salt = new_salt()
    parts = sealed([b"first", b"second", b"third"], salt)
    broken = {
        "last chunk dropped": b"".join(parts[:2]),
        "chunks swapped": b"".join([parts[1], parts[0], parts[2]]),
        "cut short": b"".join(parts)[:-3],
        "extra bytes": b"".join(parts) + b"\x00",
        "a length forged": LENGTH.pack(2**31) + b"".join(parts)[4:],
    }
    for blob in broken.values():
        with pytest.raises(DecryptionError):
            opened(blob, salt)
    whole = b"".join(parts)
    for wrong in ({"key": os.urandom(32)}, {"header": b"header v2"}):
        with pytest.raises(DecryptionError):
            opened(whole, salt, **wrong)  # type: ignore[arg-type]
    with pytest.raises(DecryptionError):
        opened(whole, new_salt())


def test_each_stream_gets_its_own_key() -> None:
    chunks = [b"the same words"]
    assert sealed(chunks, new_salt()) != sealed(chunks, new_salt())
