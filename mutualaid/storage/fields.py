"""An encrypted text field, so plaintext never reaches the query layer (privacy promise 4)."""

from __future__ import annotations

from typing import Any

from tortoise.fields import BinaryField

from mutualaid.crypto import FieldCipher

_cipher: FieldCipher | None = None


def install_cipher(cipher: FieldCipher | None) -> None:
    """Set the cipher used by every EncryptedTextField; storage start-up calls this."""
    global _cipher
    _cipher = cipher


def _require_cipher() -> FieldCipher:
    if _cipher is None:
        raise RuntimeError("storage is not started: no encryption key is installed")
    return _cipher


class EncryptedTextField(BinaryField):  # type: ignore[type-arg]
    """Text in Python, AES-GCM ciphertext (bound to model and field) in the database.

    Bytes from the database are opened; a str is plaintext a caller assigned. The two
    never look alike, so no user input can be mistaken for ciphertext.
    """

    def __init__(self, max_length: int, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.max_length = max_length

    def _context(self) -> str:
        return f"{self.model.__name__}.{self.model_field_name}"

    def to_db_value(self, value: Any, instance: Any) -> bytes | None:
        if value is None:
            return None
        if isinstance(value, bytes | bytearray | memoryview):
            return bytes(value)
        return _require_cipher().seal(str(value), context=self._context())

    def to_python_value(self, value: Any) -> str | None:
        if value is None or isinstance(value, str):
            return value
        return _require_cipher().open(bytes(value), context=self._context())
