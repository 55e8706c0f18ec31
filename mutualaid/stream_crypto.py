"""Sealing a stream of any length in chunks (backups), so memory stays flat.

AES-256-GCM in the STREAM construction: a fresh key per stream (HKDF from the long-term key
and a random salt), a nonce that counts chunks and marks the last one, and the stream's
header bound to every chunk. Reordered, dropped, truncated or re-headed chunks all fail to
open. Each chunk is checked before any of its bytes are handed on.
"""

from __future__ import annotations

import os
import struct
from collections.abc import Callable, Iterable, Iterator

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from mutualaid.crypto import DecryptionError

SALT_BYTES = 16
CHUNK_BYTES = 1024 * 1024
#: Each sealed chunk is written after its length: 4 bytes, big-endian.
LENGTH = struct.Struct(">I")
TAG_BYTES = 16
MAX_CHUNKS = 2**64


def new_salt() -> bytes:
    return os.urandom(SALT_BYTES)


def _stream_key(key: bytes, salt: bytes) -> AESGCM:
    if len(key) < 32:
        raise ValueError("the backup key must be at least 32 bytes")
    derived = HKDF(
        algorithm=hashes.SHA256(), length=32, salt=salt, info=b"mutualaid stream v1"
    ).derive(key)
    return AESGCM(derived)


def _nonce(counter: int, last: bool) -> bytes:
    # 11 bytes of chunk counter, then 1 byte saying whether this is the final chunk.
    return counter.to_bytes(11, "big") + (b"\x01" if last else b"\x00")


def _lookahead(chunks: Iterable[bytes]) -> Iterator[tuple[bytes, bool]]:
    """Each chunk with whether it's the last (an empty stream is one empty last chunk)."""
    iterator = iter(chunks)
    previous = next(iterator, b"")
    for chunk in iterator:
        yield previous, False
        previous = chunk
    yield previous, True


def seal_chunks(key: bytes, salt: bytes, header: bytes, plain: Iterable[bytes]) -> Iterator[bytes]:
    """Length-prefixed sealed chunks for the plaintext chunks given (each at most CHUNK_BYTES)."""
    aead = _stream_key(key, salt)
    for counter, (chunk, last) in enumerate(_lookahead(plain)):
        sealed = aead.encrypt(_nonce(counter, last), chunk, header)
        yield LENGTH.pack(len(sealed)) + sealed


def open_chunks(
    key: bytes, salt: bytes, header: bytes, read: Callable[[int], bytes]
) -> Iterator[bytes]:
    """The plaintext, chunk by chunk, each authenticated before it is yielded; raises
    DecryptionError for a wrong key, tampering, or a stream that stops early."""
    aead = _stream_key(key, salt)
    counter = 0
    while True:
        prefix = read(LENGTH.size)
        if len(prefix) != LENGTH.size:
            raise DecryptionError("the backup ends early")
        (size,) = LENGTH.unpack(prefix)
        if not TAG_BYTES <= size <= CHUNK_BYTES + TAG_BYTES:
            raise DecryptionError("the backup is damaged")
        sealed = read(size)
        if len(sealed) != size:
            raise DecryptionError("the backup ends early")
        last = _try_open(aead, counter, sealed, header)
        yield last[0]
        if last[1]:
            if read(1):
                raise DecryptionError("the backup has data after its end")
            return
        counter += 1
        if counter >= MAX_CHUNKS:
            raise DecryptionError("the backup is damaged")


def _try_open(aead: AESGCM, counter: int, sealed: bytes, header: bytes) -> tuple[bytes, bool]:
    for last in (False, True):
        try:
            return aead.decrypt(_nonce(counter, last), sealed, header), last
        except InvalidTag:
            continue
    raise DecryptionError("the backup can't be opened with this key, or was changed")
