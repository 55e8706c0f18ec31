"""Authenticated encryption for the sensitive free text we must keep for a while."""

from __future__ import annotations

import os

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

VERSION = b"\x01"
NONCE_BYTES = 12


class DecryptionError(Exception):
    """A stored value was not sealed by this key for this field (tampered or wrong key)."""


class FieldCipher:
    """AES-256-GCM with a random nonce per value, bound to the field it belongs to.

    Privacy promise 4. Not Fernet: its tokens carry a creation time to the second in
    clear, and we keep times about community members no finer than the hour.
    """

    def __init__(self, key: bytes) -> None:
        if len(key) < 32:
            raise ValueError("the encryption key must be at least 32 bytes")
        self._aead = AESGCM(key[:32])

    def seal(self, plaintext: str, *, context: str) -> bytes:
        nonce = os.urandom(NONCE_BYTES)
        sealed = self._aead.encrypt(nonce, plaintext.encode(), context.encode())
        return VERSION + nonce + sealed

    def open(self, blob: bytes, *, context: str) -> str:
        if not blob.startswith(VERSION):
            raise DecryptionError("unknown format")
        nonce, sealed = blob[1 : 1 + NONCE_BYTES], blob[1 + NONCE_BYTES :]
        try:
            return self._aead.decrypt(nonce, sealed, context.encode()).decode()
        except InvalidTag as error:
            raise DecryptionError("authentication failed") from error
