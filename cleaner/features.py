"""Per-block features, computed once per block from its text alone.

Nothing here depends on the block's position or neighbours, so the features of a
block are the same when the cleaned output is cleaned again; context is the job of
classify/revise.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

# Every pattern is linear: single character classes with simple repetition, no nesting.
_WORD = regex.compile(r"\w+")
# Han, kana, Hangul syllables are counted per character: those scripts have no
# spaces (Hangul has, but its words are short), so a run of them is not one word.
_CJK = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}]")
_UPPER = regex.compile(r"\p{Lu}")
_LOWER = regex.compile(r"\p{Ll}")
_DIGIT = regex.compile(r"\d")
_URL = regex.compile(r"(?:https?://|www\.)\S")
# A heading glued onto the next text without a space: "...style de vieDigital Trends aide".
# Two lower-case letters then an upper-case letter and a lower-case one, inside one token.
_GLUED = regex.compile(r"\p{Ll}{2}\p{Lu}\p{Ll}")
# Closing quotes and brackets that may follow the sentence's final punctuation.
_CLOSERS = "\"'”’»›)]}」』】〕〉》"
#: Characters that end a sentence, in the scripts we serve.
TERMINAL = frozenset(".!?…。！？‼⁇⁈⁉؟۔।॥።፧።᙮‥．｡")
#: Characters that end a clause that goes on in the next block ("highlights:").
SEMI_TERMINAL = frozenset(":;：；")
#: Separators of menus and breadcrumbs written on one line.
SEPARATORS = frozenset("|»›>·•/")


@dataclass(frozen=True)
class Features:
    """What one block's text says about it."""

    tokens: tuple[str, ...]  # lower-cased word tokens (CJK runs kept whole)
    words: int  # word count, CJK characters counted as half a word each
    terminal: bool  # ends like a sentence
    semi_terminal: bool  # ends with a colon or semicolon
    lowercase: bool  # has letters with case, none of them upper-case
    capitalised: float  # share of word tokens starting with an upper-case letter
    digits: float  # share of characters that are digits
    separators: int  # count of menu separators standing alone ("a | b | c")
    url: bool
    glued_at: int  # word position of a glued heading/text join, -1 if none


def _last_meaningful(text: str) -> str:
    end = len(text)
    while end and text[end - 1] in _CLOSERS:
        end -= 1
    return text[end - 1] if end else ""


def features(text: str) -> Features:
    raw_tokens = _WORD.findall(text)
    words = len(raw_tokens)
    if not text.isascii():
        cjk = len(_CJK.findall(text))
        if cjk:
            # Each CJK character counts as half a word; the runs themselves are not words.
            words += (cjk + 1) // 2 - sum(1 for t in raw_tokens if _CJK.match(t))
    glued = _GLUED.search(text)
    separators = 0
    if any(c in text for c in SEPARATORS):
        separators = sum(1 for part in text.split(" ") if len(part) == 1 and part in SEPARATORS)
    return Features(
        tokens=tuple(text.lower() for text in raw_tokens),
        words=max(words, 0),
        terminal=_last_meaningful(text) in TERMINAL,
        semi_terminal=_last_meaningful(text) in SEMI_TERMINAL,
        lowercase=text.islower(),
        capitalised=sum(1 for t in raw_tokens if t[0].isupper()) / len(raw_tokens) if raw_tokens else 0.0,
        digits=len(_DIGIT.findall(text)) / len(text),
        separators=separators,
        url=("://" in text or "www." in text) and bool(_URL.search(text)),
        glued_at=text.count(" ", 0, glued.start()) if glued else -1,
    )
