"""Per-block features, computed once per block from its text alone.

Nothing here depends on the block's position or neighbours, so the features of a
block are the same when the cleaned output is cleaned again; context is the job of
classify/revise.
"""

from __future__ import annotations

from types import ModuleType
from typing import NamedTuple

import re
import unicodedata

import regex

from .lexicon import is_plain, same_letters

# Every pattern is linear: single character classes with simple repetition, no nesting.
# The same words in ASCII text, by a byte table (\w: letters, lowered, digits and "_"; the
# rest a space): bytes.translate and str.split are faster than the regex.
# The bytes of other characters become spaces: that is right for plain text (lexicon.is_plain).
_ASCII_WORDS = bytes(ord(chr(c).lower()) if chr(c).isalnum() or chr(c) == "_" else 32 for c in range(128)) + b" " * 128
# Han, kana, Hangul syllables are counted per character: those scripts have no
# spaces (Hangul has, but its words are short), so a run of them is not one word.
_CJK = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}]")
# Thai, Lao, Myanmar and Khmer are written without spaces between words too, but their
# words are longer: a letter or digit (not counting the vowel and tone marks) is a quarter word.
_SOUTHEAST_BLOCKS = "\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff"
_SOUTHEAST = re.compile(f"[{_SOUTHEAST_BLOCKS}]")
_SPECIAL = re.compile(f"[{_SOUTHEAST_BLOCKS}\u2e80-\U0010ffff]")  # _SOUTHEAST or _WIDE
_SOUTHEAST_LETTER = regex.compile(f"[[{_SOUTHEAST_BLOCKS}]&&[\\p{{Lo}}\\p{{Nd}}]]", regex.V1)
#: Letters of Thai, Lao, Myanmar and Khmer per word ("ประกาศ", to announce, has five).
SOUTHEAST_LETTERS_PER_WORD = 4
# Han, kana and every astral character lie at U+2E80 or above: below it, the faster
# `re` patterns that stand for the `regex` ones on BMP text give the same answers.
_WIDE = re.compile("[\u2e80-\U0010ffff]")
_ASTRAL = re.compile("[\U00010000-\U0010ffff]")
# A time of day ("10:48") or a slashed date ("3/14/24"). Bylines and datelines carry
# them, or a year; headings and titles rarely do. Each pattern starts at its ":" or "/"
# and looks behind for the one or two digits before it, so the engine jumps from mark to
# mark instead of trying every position of a long paragraph.
_TIME = re.compile(r":(?:(?<=\b\d:)|(?<=\b\d\d:))\d{2}\b")  # \b\d{1,2}:\d{2}\b
_SLASH_DATE = re.compile(r"/(?:(?<=\b\d/)|(?<=\b\d\d/))\d{1,2}/\d{2,4}\b")  # \b\d{1,2}/\d{1,2}/\d{2,4}\b
_URL = regex.compile(r"(?:https?://|www\.)\S")
# A heading glued onto the next text without a space ("About usThe Gazette is..."):
# two lower-case letters, then an upper-case and a lower-case one, inside one token.
# The pattern starts at the upper-case letter (the two before it in a look-behind), so
# the engine skips ahead to the few upper-case letters instead of trying every position.
_GLUED = regex.compile(r"\p{Lu}(?<=\p{Ll}{2}\p{Lu})(?=\p{Ll})")
_GLUED_ASCII = re.compile(r"[A-Z](?<=[a-z]{2}[A-Z])(?=[a-z])")  # the same for ASCII text, on the faster engine


def _bmp(cls: str, engine: ModuleType = regex) -> str:
    """The BMP members of a character class (of the `regex` engine, or of `re`), as ranges
    for an `re` class.

    `re` tests a class of ranges with a table look-up, where `regex` checks Unicode
    properties, and `re` itself tries a category (\\w, \\d) and then each range in turn:
    several times faster, with the same answers below U+10000.
    """
    bmp = "".join(map(chr, range(0x10000)))
    return "".join(f"\\u{m.start():04x}-\\u{m.end() - 1:04x}" for m in engine.finditer(f"[{cls}]+", bmp))


_LL, _LU, _MARKS = _bmp(r"\p{Ll}"), _bmp(r"\p{Lu}"), _bmp(r"\p{M}")
# Words are runs of word characters and combining marks: `\w` alone stops at the vowel
# signs of Devanagari, Bengali, Tamil, Thai... and at Arabic and Hebrew vowel points, so
# "किसानों" (farmers) would be three words, none of them in the Hindi stoplist. A zero-width
# (non-)joiner between two such runs is inside a word too (Persian "می‌شود", Malayalam).
_WORD_CHAR = _bmp(f"\\w{_MARKS}", re)
_WORD = re.compile(f"[{_WORD_CHAR}]+")
_WORD_JOINED = re.compile(f"[{_WORD_CHAR}]+(?:[\u200c\u200d][{_WORD_CHAR}]+)*")  # for text with joiners (slower)
# The same for text with astral characters (`regex`'s \w takes in the joiners themselves).
_WORD_ASTRAL = regex.compile(r"[[\w\p{M}]--[\u200c\u200d]]+(?:[\u200c\u200d][[\w\p{M}]--[\u200c\u200d]]+)*", regex.V1)
_GLUED_BMP = re.compile(f"[{_LU}](?<=[{_LL}]{{2}}[{_LU}])(?=[{_LL}])")  # _GLUED for text without wide characters
#: Closing quotes and brackets that may follow the sentence's final punctuation.
CLOSERS = "\"'”’»›)]}」』】〕〉》"
# ...and the invisible marks that RTL and other pages leave after it (right-to-left and
# left-to-right marks, embeddings, zero-width space, word joiner, byte-order mark).
_TRAILING = CLOSERS + "\u200b\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2060\ufeff"
#: Characters that end a sentence, in the scripts we serve.
TERMINAL = frozenset(".!?…。！？‼⁇⁈⁉؟۔।॥።፧።᙮‥．｡։။។៕།\u037e")  # U+037E: the Greek question mark
#: Characters that end a clause that goes on in the next block ("highlights:").
SEMI_TERMINAL = frozenset(":;：；៖")
_GREEK = re.compile("[\u0370-\u03ff\u1f00-\u1fff]")  # Greek text ends its questions with ";"
#: Separators of menus and breadcrumbs written on one line.
SEPARATORS = frozenset("|»›‹>·•/")


_SEPARATOR = re.compile(f"[{re.escape(''.join(sorted(SEPARATORS)))}]")
# Runs of digits, of any script (٢٠٢٤, ২০২৪), and fractions (½).
_DIGIT_CLASS = "\\d\u00bc-\u00be\u2150-\u215f"
_DIGITS = re.compile(f"[{_bmp(_DIGIT_CLASS, re)}]+")  # as BMP ranges, a faster class
_DIGITS_ASTRAL = re.compile(f"[{_DIGIT_CLASS}]+")  # the same for text with astral characters
_ASCII_DIGITS = re.compile("[0-9]+")  # the same for ASCII text
# Georgian letters are lower-case letters to Unicode, but Georgian is written without
# capitals: a Georgian line is no more "all lower case" than a Chinese one.
_UNICASE_LOWER = re.compile("[\u10d0-\u10ff]")


class Features(NamedTuple):
    """What one block's text says about it. A NamedTuple: built for every block, it must be cheap."""

    tokens: tuple[str, ...]  # lower-cased word tokens (CJK runs kept whole)
    words: int  # word count, CJK characters counted as half a word each, Thai (and kin) letters as a quarter
    terminal: bool  # ends like a sentence
    semi_terminal: bool  # ends with a colon or semicolon
    lowercase: bool  # has letters with case, none of them upper-case
    digits: float  # share of characters that are digits
    separators: int  # count of menu separators standing alone ("a | b | c")
    url: bool
    glued_at: int  # word position of a glued heading/text join, -1 if none
    dated: bool  # holds a date, a year or a time of day


def _years(runs: list[str]) -> bool:
    # A year: four digits from 1900 to 2099, in any script (int() reads them all), also
    # glued to the word for "year" (Khmer "ឆ្នាំ២០២៤").
    return any(len(run) == 4 and run.isdecimal() and 1900 <= int(run) <= 2099 for run in runs)


def _dated(text: str, runs: list[str]) -> bool:
    """Whether the text holds a year, a time of day or a slashed date; ``runs`` are its digit runs."""
    return _years(runs) or has_time_or_date(text)


def has_time_or_date(text: str) -> bool:
    """Whether the text holds a time of day ("10:48") or a slashed date ("3/14/24")."""
    return (":" in text and _TIME.search(text) is not None) or ("/" in text and _SLASH_DATE.search(text) is not None)


def has_year(text: str) -> bool:
    """Whether the text holds a year from 1900 to 2099, in any script's digits."""
    return _years(_DIGITS_ASTRAL.findall(text))


def features(text: str) -> Features:
    """Features of one block. Hot path: a handful of C-level calls per block."""
    # Text that is ASCII but for curly quotes, dashes and the like is read as ASCII: those
    # only separate words, and every test below gives the same answer on both paths.
    is_ascii = is_plain(text)
    # One search tells most non-ASCII text (Latin, Cyrillic, Arabic...) from the scripts
    # whose words are counted by character or letter.
    special = not is_ascii and _SPECIAL.search(text) is not None
    wide = special and _WIDE.search(text) is not None
    astral = wide and _ASTRAL.search(text) is not None
    if is_ascii:
        tokens = text.encode().translate(_ASCII_WORDS).decode().split()  # _WORD.findall(text.lower())
        glued: re.Match[str] | regex.Match[str] | None = _GLUED_ASCII.search(text)
    else:
        # NFC, as the stoplists are written (Bengali "য়" typed as one character, Vietnamese
        # or Korean typed decomposed would miss them), and the lexicon's spellings.
        lowered = same_letters(unicodedata.normalize("NFC", text.lower()))
        if astral:
            tokens = _WORD_ASTRAL.findall(lowered)
        else:
            joined = "\u200c" in lowered or "\u200d" in lowered
            tokens = (_WORD_JOINED if joined else _WORD).findall(lowered)
        glued = (_GLUED if wide else _GLUED_BMP).search(text)
    words = len(tokens)
    if wide:
        cjk = len(_CJK.findall(text))
        if cjk:
            # Each CJK character counts as half a word; the runs themselves are not words.
            words += (cjk + 1) // 2 - sum(1 for t in tokens if _CJK.match(t))
    if special and _SOUTHEAST.search(text) is not None:
        letters = len(_SOUTHEAST_LETTER.findall(text))
        # The runs of those letters count by their length, not as one word each.
        words += -(-letters // SOUTHEAST_LETTERS_PER_WORD) - sum(1 for t in tokens if _SOUTHEAST.search(t))
    separators = 0
    if _SEPARATOR.search(text) is not None:
        # "»" closes a French quotation when "«" opened it; in "Home » News" it separates.
        marks = SEPARATORS if "«" not in text else SEPARATORS - {"»"}
        separators = sum(1 for part in text.split(" ") if len(part) == 1 and part in marks)
    last = text.rstrip(_TRAILING)[-1:]  # the last character before closing quotes and brackets
    if last == ";" and not is_ascii and _GREEK.search(text) is not None:
        last = "?"  # Greek writes its question mark as a semicolon ("Πότε θα τελειώσει;")
    runs = (_ASCII_DIGITS if is_ascii else _DIGITS_ASTRAL if astral else _DIGITS).findall(text)
    digits = sum(map(len, runs)) if runs else 0
    return Features(  # positional: faster than keywords, in the order of the fields
        tuple(tokens),
        max(words, 0),
        last in TERMINAL,
        last in SEMI_TERMINAL,
        text.islower() and (is_ascii or _UNICASE_LOWER.search(text) is None),
        digits / len(text) if text else 0.0,
        separators,
        ("://" in text or "www." in text) and bool(_URL.search(text)),
        text.count(" ", 0, glued.start()) if glued else -1,  # the word of the upper-case letter
        bool(runs) and _dated(text, runs),
    )
