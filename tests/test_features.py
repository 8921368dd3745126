"""Per-block features against their definitions, written the slow and obvious way.

features() takes fast paths (ASCII text and text that is ASCII but for curly quotes and
dashes read through byte tables; digit runs instead of separate year and digit scans;
date patterns that start at their ":" or "/"). These tests hold the fast paths to the
definitions on text built to reach them.
"""

from __future__ import annotations

import re
import unicodedata

import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from cleaner.features import features
from cleaner.lexicon import PLAIN_MARKS, fold, is_plain

#: Every character outside ASCII that is_plain() lets through.
PLAIN = [chr(c) for c in range(0x80, 0x10000) if re.fullmatch(f"[{PLAIN_MARKS}]", chr(c))]


def test_plain_marks_are_never_part_of_a_word() -> None:
    assert "\u2019" in PLAIN and "\u2014" in PLAIN and "\u00a0" in PLAIN and "€" in PLAIN
    for char in PLAIN:
        normal = unicodedata.normalize("NFKC", char)
        assert not any(unicodedata.category(c)[0] in "LMN" for c in char + normal), hex(ord(char))
        assert not re.match(r"\w", char) and char.lower() == char.casefold() == char, hex(ord(char))
        assert char not in "\u00ad\u200c\u200d", hex(ord(char))  # soft hyphen, joiners: inside words


def test_is_plain() -> None:
    assert is_plain("It\u2019s \u201cdone\u201d \u2014 at last\u2026")
    assert not is_plain("caf\u00e9") and not is_plain("\u2122")  # ™ folds to the letters "tm"


def reference(text: str) -> tuple[object, ...]:
    """The fields that the fast paths compute, by their definitions."""
    lowered = unicodedata.normalize("NFC", text.lower())
    tokens = tuple(re.findall(r"\w+", lowered))
    digits = sum(map(str.isdecimal, text))
    years = re.findall(r"(?<!\d)\d{4}(?!\d)", text)
    dated = (
        any(1900 <= int(y) <= 2099 for y in years)
        or re.search(r"\b\d{1,2}:\d{2}\b", text) is not None
        or re.search(r"\b\d{1,2}/\d{1,2}/\d{2,4}\b", text) is not None
    )
    glued = regex.search(r"(?<=\p{Ll}{2})\p{Lu}(?=\p{Ll})", text)
    return (
        tokens,
        digits / len(text) if text else 0.0,
        dated,
        text.count(" ", 0, glued.start()) if glued else -1,
        text.islower(),
    )


def fast(text: str) -> tuple[object, ...]:
    f = features(text)
    return (f.tokens, f.digits, f.dated, f.glued_at, f.lowercase)


# ASCII, the plain marks, and a few letters that send text down the general path.
ALPHABET = st.sampled_from(
    list("abcXYZ ") + list("0123456789:/") + list("19202") + PLAIN[:40] + ["\u2019", "\u2014", "é", "É", "٢", "٠"]
)


@settings(max_examples=1000)
@given(st.lists(ALPHABET, max_size=30).map("".join))
def test_features_match_their_definitions(text: str) -> None:
    assert fast(text) == reference(text)


@settings(max_examples=1000)
@given(st.lists(ALPHABET, max_size=30).map("".join))
def test_fold_of_plain_text_is_the_fold_of_its_definition(text: str) -> None:
    expected = " ".join(regex.findall(r"[\p{L}\p{M}]+", unicodedata.normalize("NFKC", text).casefold()))
    assert fold(text) == expected


def test_dates_and_times() -> None:
    assert features("Updated 10:48 am").dated and features("Posted 3/14/24").dated
    assert features("Published 12 March 2024").dated and features("ឆ្នាំ២០២៤").dated
    assert not features("Route 123:45 and 1/2/3").dated  # three digits before the colon; a short year
    assert features("Call 12345 or 2024x1").dated  # "2024" glued to a letter is a year
    assert not features("ISBN 12024").dated  # five digits are no year
