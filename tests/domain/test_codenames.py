"""Codenames: the only key a community member holds (privacy promise 3, requirement R3)."""

from __future__ import annotations

import math
import random
import secrets
from collections.abc import Sequence

import pytest

from mutualaid.domain import codenames
from mutualaid.domain.codenames import (
    MAX_CODENAME_CHARS,
    WORDS_PER_CODENAME,
    codename_hash,
    entropy_bits,
    generate_codename,
    normalize,
    word_list,
)

SAMPLE = "abacus abdomen abdominal abide abiding ability ablaze"


def test_the_word_list_is_the_eff_long_list() -> None:
    words = word_list()
    assert len(words) == 7776
    assert len(set(words)) == 7776
    assert all(word.isascii() and word == word.lower() and " " not in word for word in words)
    # The EFF long list starts and ends with these words.
    assert words[0] == "abacus"
    assert words[-1] == "zoom"


def test_a_codename_has_at_least_90_bits_of_entropy() -> None:
    assert WORDS_PER_CODENAME == 7
    assert entropy_bits() >= 90
    assert entropy_bits() == pytest.approx(7 * math.log2(7776))


def test_a_codename_is_seven_words_from_the_list() -> None:
    allowed = set(word_list())
    for _ in range(50):
        codename = generate_codename()
        words = codename.split(" ")
        assert len(words) == 7
        assert all(word in allowed for word in words)
        assert normalize(codename) == codename


def test_ten_thousand_codenames_are_all_different() -> None:
    drawn = {generate_codename() for _ in range(10_000)}
    assert len(drawn) == 10_000


class RecordingSystemRandom:
    """Stands in for the OS CSPRNG to prove that it is the one being asked."""

    instances = 0
    choices = 0

    def __init__(self) -> None:
        type(self).instances += 1

    def choice(self, seq: Sequence[str]) -> str:
        type(self).choices += 1
        return seq[type(self).choices % 3]


def test_codenames_are_drawn_with_the_system_csprng(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("the predictable `random` module must not draw codenames")

    monkeypatch.setattr(RecordingSystemRandom, "instances", 0)
    monkeypatch.setattr(RecordingSystemRandom, "choices", 0)
    monkeypatch.setattr(secrets, "SystemRandom", RecordingSystemRandom)
    monkeypatch.setattr(random, "choice", refuse)
    monkeypatch.setattr(random, "choices", refuse)
    monkeypatch.setattr(random, "sample", refuse)
    codename = generate_codename()
    assert RecordingSystemRandom.instances == 1
    assert RecordingSystemRandom.choices == 7
    words = word_list()
    assert codename.split() == [words[i % 3] for i in range(1, 8)]


@pytest.mark.parametrize(
    "typed",
    [
        SAMPLE,
        SAMPLE.upper(),
        "  " + SAMPLE.replace(" ", "   ") + "  ",
        "\t" + SAMPLE.title().replace(" ", " \t ") + "\n",
    ],
)
def test_case_and_extra_spaces_do_not_matter(typed: str) -> None:
    assert normalize(typed) == SAMPLE


def test_input_longer_than_128_characters_is_refused_before_anything_else() -> None:
    padded = SAMPLE + " " * (MAX_CODENAME_CHARS - len(SAMPLE))
    assert len(padded) == MAX_CODENAME_CHARS
    assert normalize(padded) == SAMPLE
    assert normalize(padded + " ") is None
    assert normalize("a" * 10_000) is None


@pytest.mark.parametrize(
    "typed",
    [
        "",
        "   ",
        "abacus",
        " ".join(SAMPLE.split()[:6]),
        SAMPLE + " zoom",
        SAMPLE.replace(" ", "-"),
        SAMPLE.replace(" ", ""),
    ],
)
def test_the_wrong_number_of_words_is_refused(typed: str) -> None:
    assert normalize(typed) is None


@pytest.mark.parametrize(
    "typed",
    [
        SAMPLE.replace("abacus", "abäcus"),
        SAMPLE.replace("abide", "аbide"),  # Cyrillic а
        SAMPLE.replace("ability", "ability\u200b"),
        SAMPLE.replace("ablaze", "ablaze\u00e9"),
        SAMPLE.replace("abacus", "ＡＢＡＣＵＳ"),  # fullwidth letters
    ],
)
def test_non_ascii_words_are_refused(typed: str) -> None:
    assert normalize(typed) is None


def test_non_ascii_that_lowercases_to_ascii_is_refused() -> None:
    typed = "\u212aitten " + " ".join(SAMPLE.split()[1:])
    assert normalize(typed) is None


def test_the_hmac_depends_on_the_key_and_hides_the_codename() -> None:
    key_a, key_b = secrets.token_bytes(32), secrets.token_bytes(32)
    digest = codename_hash(SAMPLE, key_a)
    assert digest == codename_hash(SAMPLE, key_a)
    assert digest != codename_hash(SAMPLE, key_b)
    assert digest != codename_hash(generate_codename(), key_a)
    assert len(digest) == 64
    assert int(digest, 16) >= 0
    assert not any(word in digest for word in SAMPLE.split())


def test_the_module_has_no_other_source_of_randomness() -> None:
    source = codenames.__file__
    assert source is not None
    with open(source) as handle:
        text = handle.read()
    assert "import random" not in text
    assert "from random" not in text
