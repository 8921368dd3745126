"""A multilingual lexicon of boilerplate phrases, and a fast matcher for text blocks.

The phrases live in ``cleaner/data/lexicon/<language>.txt`` (an ISO 639-1 code), UTF-8,
one phrase a line::

    # comment lines start with '#'; blank lines are ignored
    [link-list]                    <- a section: the label every phrase below it gets
    read more                      <- exact: the whole folded block equals the phrase
    written by *                   <- prefix: the folded block starts with these words
    * all rights reserved *        <- contains: the words occur anywhere in the block

Section names are the labels in :data:`SECTIONS`. Phrases are written already folded
(see :func:`fold`: lower case, no punctuation, no digits), so ``Editors' Picks`` is written
``editors picks`` and ``5 min read`` is written ``min read``; the loader rejects a phrase
that :func:`fold` would change. Prefix and contains phrases align on whole words, except in
scripts written without spaces (Chinese, Japanese, Thai...), where they match substrings.

Use :data:`DEFAULT` (every language) or :func:`load_lexicon` for a few languages, then
``lexicon.match(block_text)`` gives a :class:`Match` or ``None``.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from importlib.resources import files
from types import MappingProxyType
from typing import Iterable, Mapping

import regex

__all__ = [
    "DEFAULT",
    "Entry",
    "Lexicon",
    "Match",
    "SECTIONS",
    "available_languages",
    "fold",
    "load_lexicon",
    "parse_lexicon",
]

#: The section names a data file may use; each is also the label its phrases give a block.
SECTIONS = (
    "widget",
    "link-list",
    "boilerplate-phrase",
    "footer",
    "navigation",
    "byline",
    "caption",
    "comment",
)

EXACT, PREFIX, CONTAINS = "exact", "prefix", "contains"
#: Kinds in order of preference when several phrases match one block.
_KIND_RANK = {EXACT: 0, PREFIX: 1, CONTAINS: 2}

#: Everything that is not a letter or a combining mark separates words (the definition).
_NON_LETTERS = regex.compile(r"[^\p{L}\p{M}]+")
_DOTTED_I = "i\u0307"


def _bmp_non_letters() -> re.Pattern[str]:
    """A ``re`` pattern for the BMP characters that are neither letters, marks nor a space.

    Same meaning as _NON_LETTERS on BMP text, but a compiled ``re`` character class is a
    table look-up per character where ``regex`` checks Unicode properties, several times
    faster; spaces are left for str.split() to collapse.
    """
    bmp = "".join(map(chr, range(0x10000)))
    kept = [(m.start(), m.end() - 1) for m in regex.finditer(r"[\p{L}\p{M} ]+", bmp)]
    ranges = "".join(f"\\u{a:04x}-\\u{b:04x}" for a, b in kept)
    return re.compile(f"[^{ranges}\\U00010000-\\U0010ffff]+")


_BMP_NON_LETTERS = _bmp_non_letters()
#: ASCII digits, punctuation, symbols and controls -> space (str.translate is fastest).
_ASCII_NON_LETTERS = {c: " " for c in range(128) if not chr(c).isalpha()}
#: Scripts written without spaces between words: their phrases match as substrings.
#: (Han incl. extensions, Hiragana, Katakana, Thai, Lao, Myanmar, Khmer.)
_UNSPACED_SCRIPT = re.compile(
    "[\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff\u3040-\u30ff\u31f0-\u31ff"
    "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003ffff]"
)
#: Folded user phrases of at least this many words (or unspaced characters) match anywhere.
_CONTAINS_MIN_WORDS = 3
_CONTAINS_MIN_UNSPACED_CHARS = 6
#: Short language tags that name the same data file.
_ALIASES = {"nb": "no", "nn": "no", "iw": "he", "in": "id", "sh": "hr"}


def fold(text: str) -> str:
    """The matching form of ``text``: NFKC, case-folded, non-letters turned into single spaces.

    Letters and combining marks are kept; punctuation, symbols, digits and whitespace all
    become one space between words, and the result is stripped. Linear time; idempotent.
    One addition to plain case folding: the dotted capital İ folds to a plain i.
    """
    if text.isascii():
        # NFKC is the identity on ASCII and casefold() is lower().
        return " ".join(text.lower().translate(_ASCII_NON_LETTERS).split())
    text = unicodedata.normalize("NFKC", text).casefold()
    # Case folding can leave text that is no longer NFKC (and NFKC can create text that
    # folds again), so normalise once more; fold(fold(x)) == fold(x) is tested.
    text = unicodedata.normalize("NFKC", text.casefold())
    # Turkish capital İ folds to "i" plus a combining dot; drop the dot so "İLGİLİ" and
    # "ilgili" fold alike.
    text = text.replace(_DOTTED_I, "i").translate(_ASCII_NON_LETTERS)
    if text.isascii():
        return " ".join(text.split())
    if max(text) > "\uffff":  # astral characters (emoji, rare scripts): exact but slower
        return " ".join(_NON_LETTERS.sub(" ", text).split())
    return " ".join(_BMP_NON_LETTERS.sub(" ", text).split())


def _is_unspaced(phrase: str) -> bool:
    return _UNSPACED_SCRIPT.search(phrase) is not None


@dataclass(frozen=True)
class Entry:
    """One phrase of the lexicon: folded ``text``, its ``kind`` (exact/prefix/contains), label."""

    text: str
    kind: str
    label: str
    language: str

    def __post_init__(self) -> None:
        if self.kind not in _KIND_RANK:
            raise ValueError(f"unknown phrase kind {self.kind!r}")
        if not self.text or fold(self.text) != self.text:
            raise ValueError(f"phrase {self.text!r} is not folded (fold gives {fold(self.text)!r})")

    @property
    def notation(self) -> str:
        """The phrase as a data file writes it: ``text``, ``text *`` or ``* text *``."""
        if self.kind == PREFIX:
            return f"{self.text} *"
        if self.kind == CONTAINS:
            return f"* {self.text} *"
        return self.text


@dataclass(frozen=True)
class Match:
    """Why a block matched: the label it earns, the phrase (in file notation), its language."""

    label: str
    phrase: str
    language: str

    @property
    def kind(self) -> str:
        """``exact``, ``prefix`` or ``contains``, read off the phrase notation."""
        if self.phrase.startswith("* "):
            return CONTAINS
        if self.phrase.endswith(" *"):
            return PREFIX
        return EXACT


def _first_units(entries: Iterable[Entry], unspaced: bool) -> Mapping[str, tuple[int, ...]]:
    """Map the first word (or first character) of each phrase to the lengths it comes in.

    Lengths are counted in words for spaced phrases and in characters for unspaced ones, so
    a block only builds the n-grams that could possibly be a phrase.
    """
    lengths: dict[str, set[int]] = {}
    for entry in entries:
        if unspaced:
            first, size = entry.text[0], len(entry.text)
        else:
            words = entry.text.split(" ")
            first, size = words[0], len(words)
        lengths.setdefault(first, set()).add(size)
    return MappingProxyType({k: tuple(sorted(v)) for k, v in lengths.items()})


def _index(entries: Iterable[Entry]) -> Mapping[str, Match]:
    """Folded phrase -> Match; the first entry of a phrase wins, so order decides duplicates."""
    table: dict[str, Match] = {}
    for entry in entries:
        table.setdefault(entry.text, Match(entry.label, entry.notation, entry.language))
    return MappingProxyType(table)


class Lexicon:
    """An immutable set of phrases with a matcher whose cost is linear in the block length.

    When several phrases match one block, exact beats prefix beats contains, then the longer
    phrase wins, then the alphabetically first; among identical phrases, the earlier entry.
    """

    __slots__ = (
        "_entries",
        "_exact",
        "_prefix",
        "_contains",
        "_prefix_firsts",
        "_contains_firsts",
        "_prefix_unspaced",
        "_contains_unspaced",
        "_prefix_unspaced_firsts",
        "_contains_unspaced_firsts",
    )

    def __init__(self, entries: Iterable[Entry] = ()) -> None:
        entries = tuple(entries)
        by_kind = {
            (kind, unspaced): [e for e in entries if e.kind == kind and _is_unspaced(e.text) == unspaced]
            for kind in (PREFIX, CONTAINS)
            for unspaced in (False, True)
        }
        setattr_ = object.__setattr__
        setattr_(self, "_entries", entries)
        setattr_(self, "_exact", _index(e for e in entries if e.kind == EXACT))
        setattr_(self, "_prefix", _index(by_kind[PREFIX, False]))
        setattr_(self, "_contains", _index(by_kind[CONTAINS, False]))
        setattr_(self, "_prefix_firsts", _first_units(by_kind[PREFIX, False], unspaced=False))
        setattr_(self, "_contains_firsts", _first_units(by_kind[CONTAINS, False], unspaced=False))
        setattr_(self, "_prefix_unspaced", _index(by_kind[PREFIX, True]))
        setattr_(self, "_contains_unspaced", _index(by_kind[CONTAINS, True]))
        setattr_(self, "_prefix_unspaced_firsts", _first_units(by_kind[PREFIX, True], unspaced=True))
        setattr_(self, "_contains_unspaced_firsts", _first_units(by_kind[CONTAINS, True], unspaced=True))

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError("Lexicon is immutable; use with_extra() to build a new one")

    def __delattr__(self, name: str) -> None:
        raise AttributeError("Lexicon is immutable")

    def __len__(self) -> int:
        return len(self._entries)

    def __repr__(self) -> str:
        return f"<Lexicon: {len(self._entries)} phrases, languages {', '.join(self.languages)}>"

    @property
    def entries(self) -> tuple[Entry, ...]:
        return self._entries

    @property
    def languages(self) -> tuple[str, ...]:
        return tuple(sorted({entry.language for entry in self._entries}))

    def match(self, text: str) -> Match | None:
        """The best phrase matching the block ``text``, or None."""
        folded = fold(text)
        if not folded:
            return None
        exact = self._exact.get(folded)
        if exact is not None:
            return exact
        words = folded.split(" ")
        unspaced = not folded.isascii() and _UNSPACED_SCRIPT.search(folded) is not None
        prefix = self._match_prefix(words)
        if unspaced:
            prefix = _best(prefix, self._match_prefix_unspaced(folded))
        if prefix is not None:
            return prefix
        contains = self._match_contains(words)
        if unspaced:
            contains = _best(contains, self._match_contains_unspaced(folded))
        return contains

    def _match_prefix(self, words: list[str]) -> Match | None:
        best: Match | None = None
        for size in self._prefix_firsts.get(words[0], ()):
            if size <= len(words):
                best = _best(best, self._prefix.get(" ".join(words[:size])))
        return best

    def _match_contains(self, words: list[str]) -> Match | None:
        firsts = self._contains_firsts
        present = firsts.keys() & words  # one C-level pass; usually empty
        if not present:
            return None
        best: Match | None = None
        for start, word in enumerate(words):
            if word in present:
                for size in firsts[word]:
                    if start + size <= len(words):
                        phrase = " ".join(words[start : start + size])
                        best = _best(best, self._contains.get(phrase))
        return best

    def _match_prefix_unspaced(self, folded: str) -> Match | None:
        best: Match | None = None
        for size in self._prefix_unspaced_firsts.get(folded[0], ()):
            best = _best(best, self._prefix_unspaced.get(folded[:size]))
        return best

    def _match_contains_unspaced(self, folded: str) -> Match | None:
        best: Match | None = None
        firsts = self._contains_unspaced_firsts
        if not firsts:
            return None
        for start, char in enumerate(folded):
            sizes = firsts.get(char)
            if sizes is None:
                continue
            for size in sizes:
                best = _best(best, self._contains_unspaced.get(folded[start : start + size]))
        return best

    def with_extra(self, phrases: Iterable[str], label: str = "boilerplate-phrase") -> Lexicon:
        """A new Lexicon with user phrases added; they take precedence over built-in ones.

        Phrases are given in natural form ("Subscribe to The Daily Planet!") and folded. A
        phrase of three words or more (six characters or more in a script written without
        spaces) matches anywhere in a block; a shorter one must be the whole block.
        """
        if label not in SECTIONS:
            raise ValueError(f"unknown label {label!r}; expected one of {', '.join(SECTIONS)}")
        extra = []
        for phrase in phrases:
            folded = fold(phrase)
            if not folded:
                continue
            if _is_unspaced(folded) and " " not in folded:
                long_enough = len(folded) >= _CONTAINS_MIN_UNSPACED_CHARS
            else:
                long_enough = len(folded.split(" ")) >= _CONTAINS_MIN_WORDS
            extra.append(Entry(folded, CONTAINS if long_enough else EXACT, label, "user"))
        if not extra:
            return self
        return Lexicon((*extra, *self._entries))


def _rank(match: Match) -> tuple[int, int, str]:
    return (_KIND_RANK[match.kind], -len(match.phrase), match.phrase)


def _best(a: Match | None, b: Match | None) -> Match | None:
    if a is None:
        return b
    if b is None:
        return a
    return a if _rank(a) <= _rank(b) else b


def parse_lexicon(source: str, language: str, *, origin: str = "<string>") -> tuple[Entry, ...]:
    """The entries of one data file's text; raises ValueError naming ``origin`` and the line."""
    entries: list[Entry] = []
    section: str | None = None
    for number, raw in enumerate(source.splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        where = f"{origin}:{number}"
        if line.startswith("[") and line.endswith("]"):
            section = line[1:-1].strip()
            if section not in SECTIONS:
                raise ValueError(f"{where}: unknown section [{section}]")
            continue
        if section is None:
            raise ValueError(f"{where}: phrase before any [section]")
        if line.startswith("* ") and line.endswith(" *"):
            kind, text = CONTAINS, line[2:-2]
        elif line.endswith(" *"):
            kind, text = PREFIX, line[:-2]
        else:
            kind, text = EXACT, line
        try:
            entries.append(Entry(text, kind, section, language))
        except ValueError as error:
            raise ValueError(f"{where}: {error}") from None
    return tuple(entries)


def _data_dir():  # -> importlib.resources.abc.Traversable
    return files(__package__) / "data" / "lexicon"


def available_languages() -> tuple[str, ...]:
    """The language codes that have a data file, sorted."""
    return tuple(
        sorted(
            item.name[: -len(".txt")]
            for item in _data_dir().iterdir()
            if item.name.endswith(".txt") and item.is_file()
        )
    )


def _normalise_language(code: str) -> str:
    base = code.strip().lower().replace("_", "-").split("-")[0]
    return _ALIASES.get(base, base)


def load_lexicon(languages: Iterable[str] | None = None) -> Lexicon:
    """The lexicon of the given languages (ISO 639-1 codes; "pt-BR" reads pt), all when None.

    Earlier languages win when two give the same phrase different labels. Raises ValueError
    for a language without a data file.
    """
    available = available_languages()
    if languages is None:
        codes: list[str] = list(available)
    else:
        codes = []
        for language in [languages] if isinstance(languages, str) else languages:
            code = _normalise_language(language)
            if code not in available:
                raise ValueError(
                    f"no lexicon for language {language!r}; available: {', '.join(available)}"
                )
            if code not in codes:
                codes.append(code)
    entries: list[Entry] = []
    for code in codes:
        path = _data_dir() / f"{code}.txt"
        entries.extend(parse_lexicon(path.read_text(encoding="utf-8"), code, origin=f"{code}.txt"))
    return Lexicon(entries)


#: Every language's phrases, loaded once at import.
DEFAULT = load_lexicon()
