"""A multilingual lexicon of boilerplate phrases, and a fast matcher for text blocks.

The phrases live in ``cleaner/data/lexicon/<language>.txt`` (an ISO 639-1 code), UTF-8,
one phrase a line::

    # comment lines start with '#'; blank lines are ignored
    [link-list]                    <- a section: the label every phrase below it gets
    read more                      <- exact: the whole folded block equals the phrase
    last updated *                 <- prefix: the folded block starts with these words
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
from typing import Iterable

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
    "advertisement",
    "link-list",
    "boilerplate-phrase",
    "footer",
    "navigation",
    "byline",
    "caption",
    "comment",
    "next-article",
    "paywall",
)

EXACT, PREFIX, CONTAINS = "exact", "prefix", "contains"
#: Kinds in order of preference when several phrases match one block.
_KIND_RANK = {EXACT: 0, PREFIX: 1, CONTAINS: 2}

#: Words are runs of letters and combining marks; everything else separates them.
_LETTER_RUNS = regex.compile(r"[\p{L}\p{M}]+")
_DOTTED_I = re.compile("i\u0307+")


def _bmp_letter_runs() -> re.Pattern[str]:
    """_LETTER_RUNS for text without astral characters, as a faster ``re`` pattern.

    A compiled ``re`` character class of BMP ranges is one table look-up per character,
    where ``regex`` checks Unicode properties: about three times faster.
    """
    bmp = "".join(map(chr, range(0x10000)))
    ranges = "".join(
        f"\\u{m.start():04x}-\\u{m.end() - 1:04x}" for m in _LETTER_RUNS.finditer(bmp)
    )
    return re.compile(f"[{ranges}]+")


_BMP_LETTER_RUNS = _bmp_letter_runs()
_ASTRAL = re.compile("[\U00010000-\U0010ffff]")
#: ASCII letters -> lower case; digits, punctuation, symbols and controls -> space; the bytes
#: of other characters -> space too (see is_plain). A byte table: bytes.translate is a plain
#: array look-up per byte, several times faster than str's.
_ASCII_FOLD = bytes(ord(chr(c).lower()) if chr(c).isalpha() else 32 for c in range(128)) + b" " * 128
#: Punctuation, spaces and symbols beyond ASCII that are no letter, digit or mark, before
#: and after NFKC and case folding: curly quotes, dashes, the ellipsis, no-break spaces,
#: bullets, ©, €, £... (tested). They only ever separate words.
PLAIN_MARKS = "\u00a0-\u00a7\u00a9\u00ab\u00ac\u00ae\u00b0\u00b1\u00b6\u00b7\u00bb\u00bf\u00d7\u00f7" + (
    "\u2000-\u200b\u200e-\u2016\u2018-\u203d\u203f-\u206f\u20a0-\u20a7\u20a9-\u20bf"
)
_NOT_PLAIN = re.compile(f"[^\x00-\x7f{PLAIN_MARKS}]")


def is_plain(text: str) -> bool:
    """Whether ``text`` is ASCII but for PLAIN_MARKS: its words are then ASCII words.

    English pages are full of curly quotes and dashes, and such text then takes the fast
    ASCII paths of fold() and features(), with the same result as the general ones.
    """
    return text.isascii() or _NOT_PLAIN.search(text) is None


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


#: Malayalam's chillu letters, as many sites still write them: a consonant, a virama and a
#: zero-width joiner ("ല്‍"), where Unicode 5.1 has one letter ("ൽ", as the stoplist has it).
_CHILLU = {"\u0d28\u0d4d\u200d\u0d31": "\u0d28\u0d4d\u0d31"} | {
    f"{consonant}\u0d4d\u200d": chillu for consonant, chillu in zip("ണനരളലക", "ൺൻർൾൽൿ")
}
_OLD_CHILLU = re.compile("|".join(_CHILLU))


def same_letters(text: str) -> str:
    """Lower-cased ``text`` with letters spelled two ways spelled one way, as the phrases and
    stoplists are: Turkish and Azerbaijani i and ı are one letter (capital I lowers to i, not
    ı, so "BAĞLI" must match "bağlı"; capital İ lowers to "i" plus a combining dot, which is
    dropped); Malayalam's old-style chillus become single letters; soft hyphens (where a
    long word may break, "Bundes&shy;regierung") go."""
    if "\u0307" in text:
        text = _DOTTED_I.sub("i", text)
    if "ı" in text:
        text = text.replace("ı", "i")
    if "\u00ad" in text:  # a soft hyphen marks where a word may break: it is no break in the word
        text = text.replace("\u00ad", "")
    if "\u0d4d\u200d" in text:
        text = _OLD_CHILLU.sub(lambda m: _CHILLU[m.group()], text)
    return text


def fold(text: str) -> str:
    """The matching form of ``text``: NFKC, case-folded, non-letters turned into single spaces.

    Letters and combining marks are kept; punctuation, symbols, digits and whitespace all
    become one space between words, and the result is stripped. Linear time; idempotent.
    Beyond plain case folding, letters spelled two ways are spelled one way (same_letters).
    """
    if text.isascii() or _NOT_PLAIN.search(text) is None:  # is_plain(text), inlined
        # NFKC is the identity on ASCII letters and casefold() is lower(); the bytes of
        # PLAIN_MARKS become spaces, as the general path turns them into.
        return " ".join(text.encode().translate(_ASCII_FOLD).decode("ascii").split())
    text = same_letters(unicodedata.normalize("NFKC", text).casefold())
    # Case folding can leave text that is no longer NFKC: normalise once more, so that
    # fold(fold(x)) == fold(x) (tested).
    if not unicodedata.is_normalized("NFKC", text):
        text = unicodedata.normalize("NFKC", text)
    if _ASTRAL.search(text):  # emoji, rare scripts: the same result, slower
        return " ".join(_LETTER_RUNS.findall(text))
    return " ".join(_BMP_LETTER_RUNS.findall(text))


def is_unspaced(text: str) -> bool:
    """Whether ``text`` holds a letter of a script written without spaces between words."""
    return _UNSPACED_SCRIPT.search(text) is not None


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


def _index(entries: Iterable[Entry]) -> dict[str, Match]:
    """Folded phrase -> Match; the first entry of a phrase wins, so order decides duplicates."""
    table: dict[str, Match] = {}
    for entry in entries:
        table.setdefault(entry.text, Match(entry.label, entry.notation, entry.language))
    return table


def _anchor(words: list[str]) -> int:
    """Position of the word a contains phrase is looked up by: its longest (rarest) word."""
    return max(range(len(words)), key=lambda i: len(words[i]))


class Lexicon:
    """An immutable set of phrases with a matcher whose cost is linear in the block length.

    When several phrases match one block, exact beats prefix beats contains, then the longer
    phrase wins, then the alphabetically first; among identical phrases, the earlier entry.

    How a block is matched, without ever looping over the phrases:

    * exact: one dict look-up of the folded block;
    * prefix: the block's first word gives the word counts of the prefix phrases starting
      with it; each count is one dict look-up of the block's first n words;
    * contains: each phrase is filed under its longest word (its anchor) with the anchor's
      offset and the phrase's word count. Only blocks sharing a word with the anchor set
      (one C-level ``isdisjoint``) build the few n-grams around each anchor occurrence;
    * scripts without spaces (Chinese, Japanese, Thai): the same with characters, prefix
      phrases filed under their first character and contains phrases under their first
      character, found with str.find.
    """

    __slots__ = (
        "_entries",
        "_exact",
        "_prefix",
        "_prefix_sizes",
        "_contains",
        "_contains_anchors",
        "_contains_anchor_set",
        "_prefix_unspaced",
        "_prefix_unspaced_sizes",
        "_contains_unspaced",
        "_contains_unspaced_sizes",
        "_contains_unspaced_chars",
    )
    # The slots' types, for the type checker (__init__ sets them with object.__setattr__).
    _entries: tuple[Entry, ...]
    _exact: dict[str, Match]
    _prefix: dict[str, Match]
    _prefix_sizes: dict[str, tuple[int, ...]]
    _contains: dict[str, Match]
    _contains_anchors: dict[str, tuple[tuple[int, int], ...]]
    _contains_anchor_set: frozenset[str]
    _prefix_unspaced: dict[str, Match]
    _prefix_unspaced_sizes: dict[str, tuple[int, ...]]
    _contains_unspaced: dict[str, Match]
    _contains_unspaced_sizes: dict[str, tuple[int, ...]]
    _contains_unspaced_chars: frozenset[str]

    def __init__(self, entries: Iterable[Entry] = ()) -> None:
        entries = tuple(entries)
        exact = [e for e in entries if e.kind == EXACT]
        prefix = [e for e in entries if e.kind == PREFIX and not is_unspaced(e.text)]
        contains = [e for e in entries if e.kind == CONTAINS and not is_unspaced(e.text)]
        prefix_u = [e for e in entries if e.kind == PREFIX and is_unspaced(e.text)]
        contains_u = [e for e in entries if e.kind == CONTAINS and is_unspaced(e.text)]

        # first word -> word counts of the prefix phrases that start with it
        prefix_sizes: dict[str, set[int]] = {}
        for entry in prefix:
            words = entry.text.split(" ")
            prefix_sizes.setdefault(words[0], set()).add(len(words))
        # anchor word -> (offset of the anchor in the phrase, phrase word count)
        anchors: dict[str, set[tuple[int, int]]] = {}
        for entry in contains:
            words = entry.text.split(" ")
            offset = _anchor(words)
            anchors.setdefault(words[offset], set()).add((offset, len(words)))
        # first character -> character counts, for phrases in scripts without spaces
        prefix_u_sizes: dict[str, set[int]] = {}
        for entry in prefix_u:
            prefix_u_sizes.setdefault(entry.text[0], set()).add(len(entry.text))
        contains_u_sizes: dict[str, set[int]] = {}
        for entry in contains_u:
            contains_u_sizes.setdefault(entry.text[0], set()).add(len(entry.text))

        init = object.__setattr__  # the class is immutable once built
        init(self, "_entries", entries)
        init(self, "_exact", _index(exact))
        init(self, "_prefix", _index(prefix))
        init(self, "_prefix_sizes", {k: tuple(sorted(v)) for k, v in prefix_sizes.items()})
        init(self, "_contains", _index(contains))
        init(self, "_contains_anchors", {k: tuple(sorted(v)) for k, v in anchors.items()})
        init(self, "_contains_anchor_set", frozenset(anchors))
        init(self, "_prefix_unspaced", _index(prefix_u))
        init(self, "_prefix_unspaced_sizes", {k: tuple(sorted(v)) for k, v in prefix_u_sizes.items()})
        init(self, "_contains_unspaced", _index(contains_u))
        init(self, "_contains_unspaced_sizes", {k: tuple(sorted(v)) for k, v in contains_u_sizes.items()})
        init(self, "_contains_unspaced_chars", frozenset(contains_u_sizes))

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError("Lexicon is immutable; use with_extra() to build a new one")

    def __delattr__(self, name: str) -> None:
        raise AttributeError("Lexicon is immutable")

    def __reduce__(self) -> tuple[type[Lexicon], tuple[tuple[Entry, ...]]]:
        # Rebuild from the entries: pickling slot by slot would trip __setattr__.
        return (Lexicon, (self._entries,))

    def __len__(self) -> int:
        return len(self._entries)

    def __repr__(self) -> str:
        return f"<Lexicon: {len(self._entries)} phrases, languages {', '.join(self.languages)}>"

    @property
    def entries(self) -> tuple[Entry, ...]:
        """Every phrase, in the order given (earlier entries win over later duplicates)."""
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

    def exact(self, text: str) -> Match | None:
        """The exact phrase that ``text`` folds to, or None (prefix and contains phrases aside)."""
        return self._exact.get(fold(text))

    def _match_prefix(self, words: list[str]) -> Match | None:
        best: Match | None = None
        for size in self._prefix_sizes.get(words[0], ()):
            if size <= len(words):
                found = self._prefix.get(" ".join(words[:size]))
                if found is not None:
                    best = _best(best, found)
        return best

    def _match_contains(self, words: list[str]) -> Match | None:
        if self._contains_anchor_set.isdisjoint(words):  # the usual case, in C
            return None
        best: Match | None = None
        for anchor in sorted(self._contains_anchor_set.intersection(words)):
            where = -1
            for _ in range(words.count(anchor)):
                where = words.index(anchor, where + 1)
                for offset, size in self._contains_anchors[anchor]:
                    start = where - offset
                    if start >= 0 and start + size <= len(words):
                        found = self._contains.get(" ".join(words[start : start + size]))
                        if found is not None:
                            best = _best(best, found)
        return best

    def _match_prefix_unspaced(self, folded: str) -> Match | None:
        best: Match | None = None
        for size in self._prefix_unspaced_sizes.get(folded[0], ()):
            found = self._prefix_unspaced.get(folded[:size])
            if found is not None:
                best = _best(best, found)
        return best

    def _match_contains_unspaced(self, folded: str) -> Match | None:
        if self._contains_unspaced_chars.isdisjoint(folded):
            return None
        best: Match | None = None
        for char in sorted(self._contains_unspaced_chars.intersection(folded)):
            sizes = self._contains_unspaced_sizes[char]
            start = folded.find(char)
            while start != -1:
                for size in sizes:
                    found = self._contains_unspaced.get(folded[start : start + size])
                    if found is not None:
                        best = _best(best, found)
                start = folded.find(char, start + 1)
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
            if is_unspaced(folded) and " " not in folded:
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


def _data_dir():  # type: ignore[no-untyped-def]
    """The folder of data files, as an importlib.resources Traversable."""
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
        entries.extend(with_spellings(parse_lexicon(path.read_text(encoding="utf-8"), code, origin=f"{code}.txt")))
    return Lexicon(entries)


#: Letters a language's pages spell two ways, as (written, also written): Romanian sites
#: write ș ț (comma below) or, from old keyboards and fonts, ş ţ (cedilla). Its phrases
#: and stoplist words match in both spellings.
SPELLINGS = {"ro": str.maketrans("șț", "şţ")}


def with_spellings(entries: tuple[Entry, ...]) -> tuple[Entry, ...]:
    """The entries, and after them each one again in its language's other spelling (see SPELLINGS)."""
    extra = []
    for entry in entries:
        table = SPELLINGS.get(entry.language)
        if table is not None and entry.text.translate(table) != entry.text:
            extra.append(Entry(entry.text.translate(table), entry.kind, entry.label, entry.language))
    return entries + tuple(extra)


#: Every language's phrases, loaded once at import.
DEFAULT = load_lexicon()
