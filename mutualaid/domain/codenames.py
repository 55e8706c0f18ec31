"""Codenames: the only key a community member holds, generated here and never stored."""

from __future__ import annotations

import hashlib
import hmac
import math
import secrets
from functools import cache
from pathlib import Path

from xkcdpass import xkcd_password

#: Seven words from the 7,776-word EFF long list: 7 x log2(7776) = 90.5 bits
#: (privacy promise 3 asks for at least 77; R3 asks for 90).
WORDS_PER_CODENAME = 7
#: Longer input is rejected before hashing, so guessing can't be made expensive for us.
MAX_CODENAME_CHARS = 128
WORD_LIST_NAME = "eff-long"


@cache
def word_list() -> tuple[str, ...]:
    """The EFF long word list shipped by the maintained `xkcdpass` package."""
    path = Path(xkcd_password.locate_wordfile(WORD_LIST_NAME))
    words = tuple(line.strip() for line in path.read_text().splitlines() if line.strip())
    if len(set(words)) < 7776 or not all(word.isascii() for word in words):
        raise RuntimeError("the codename word list is smaller or stranger than expected")
    return words


def entropy_bits() -> float:
    return WORDS_PER_CODENAME * math.log2(len(set(word_list())))


def generate_codename() -> str:
    """A fresh codename drawn with the operating system's CSPRNG."""
    rng = secrets.SystemRandom()
    words = word_list()
    return " ".join(rng.choice(words) for _ in range(WORDS_PER_CODENAME))


def normalize(text: str) -> str | None:
    """The canonical form of typed input, or None when it can't be a codename.

    Case, surrounding space and repeated spaces don't matter; anything else does.
    """
    # ASCII first: some characters (the Kelvin sign) only become ASCII when lowercased.
    if len(text) > MAX_CODENAME_CHARS or not text.isascii():
        return None
    words = text.lower().split()
    if len(words) != WORDS_PER_CODENAME:
        return None
    return " ".join(words)


def codename_hash(codename: str, key: bytes) -> str:
    """Privacy promise 3: only this keyed HMAC is stored; the key never enters the database."""
    return hmac.new(key, codename.encode(), hashlib.sha256).hexdigest()
