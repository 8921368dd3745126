"""The article's header: its headline (the page's title) and the standfirst under it.

The page's <title> is usually the text's first line ("Headline - Site"); the headline is
where it comes again above the article, or, worded for search engines, the title-like
line just above the article that shares its words. The standfirst (dek) is the paragraph
right under the headline, across the byline, date and photo between it and the body.
revise reads these as it decides where the article starts.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .classify import LINE, NOISE, PROSE, SENTENCE
from .document import Label
from .features import CLOSERS, SEPARATORS, features, has_time_or_date, has_year
from .lexicon import is_unspaced

if TYPE_CHECKING:  # revise imports this module: its Item is needed for the annotations only
    from .revise import Item


#: A title has at most this many words.
TITLE_MAX_WORDS = 40
#: Where the title may be found: at most this many blocks before the article starts.
TITLE_WINDOW = 12


def find_headline(items: list[Item]) -> int | None:
    """Where the page's <title> (its first line) comes again as the headline, if it does."""
    if not items or not page_title(items[0]):
        return None
    for i in range(1, len(items)):
        if is_headline(items[i], items[0]):
            return i
    return None


def is_headline(item: Item, title: Item) -> bool:
    """Whether the block repeats the page's <title> as its headline. A headline may be a
    question or an exclamation, which reads as a sentence or as prose, hold a year or run
    as long as a paragraph (see _title_shaped); a paragraph that opens with the title's
    words ends like one. The cheap first-word test of repeats_title goes first: this
    runs on every block."""
    return repeats_title(item, title) and _title_shaped(item, quoted=title.bullet)


def whole_title(items: list[Item], headline: int) -> bool:
    """Whether the headline holds every word of the page's <title> (its site name aside)."""
    return _title_head(items[0]) <= set(items[headline].feats.tokens)


#: The paragraph under the headline (the dek) may sit this many blocks above the body.
DEK_GAP = 10


def with_dek(items: list[Item], title: int, start: int) -> int:
    """Move the start up to the first paragraph below the headline (the dek, or standfirst),
    across the byline, date, share buttons and photo between it and the body. It ends like
    a sentence, unless it comes right under the headline (a long standfirst may have no
    full stop). Right under the headline, it may sit further up, above a longer header
    (dates, a video's caption, a row of share buttons), as long as no other prose does."""
    if (
        title + 1 < start
        and items[title + 1].verdict.kind is PROSE
        and not any(items[i].verdict.kind is PROSE for i in range(title + 2, start))
    ):
        return title + 1  # however far above the body: nothing between reads as the dek
    for dek in range(max(title + 1, start - DEK_GAP), start):
        item = items[dek]
        if item.verdict.kind is PROSE and (item.feats.terminal or dek == title + 1):
            return dek
    return start


#: A line right under the headline with at least this many words (or characters: long
#: words, as in Kazakh or Finnish, make fewer of them) is its standfirst...
STANDFIRST_LINE_WORDS = 12
STANDFIRST_LINE_CHARS = 80
#: ...unless it holds this share of the headline's words (the headline again, with a kicker).
STANDFIRST_TITLE_SHARE = 0.6


def line_dek(items: list[Item], title: int, start: int) -> bool:
    """Whether the block right under the headline, above the body, is a standfirst without
    sentence punctuation (common in Hebrew, Serbian, Dutch...): a long line that reads like
    prose, not a date."""
    if not title + 1 < start:
        return False
    item = items[title + 1]
    if not (
        item.verdict.kind is LINE
        and item.verdict.wordy
        and (item.feats.words >= STANDFIRST_LINE_WORDS or len(item.text) >= STANDFIRST_LINE_CHARS)
        and (not item.feats.dated or _year_alone(item.text))  # not a date line; a year may be news
        and not item.bullet
    ):
        return False
    # Not the headline again with a kicker before it ("Technologie im Klassenzimmer <headline>").
    words, heading = set(item.feats.tokens), items[title].feats.tokens
    return sum(t in words for t in heading) < STANDFIRST_TITLE_SHARE * len(heading)


#: Marks that end a question or an exclamation: a headline may end with one.
_ASKS = "?!？！"


def last_mark(item: Item) -> str:
    """The block's last character before closing quotes and brackets ("" if none)."""
    return item.text.rstrip(CLOSERS)[-1:]


def title_like(item: Item, year: bool = False) -> bool:
    """A line that may be a headline: a short line or sentence, or a question or an
    exclamation long enough to read as prose; not a date or a list item, at most
    TITLE_MAX_WORDS, and not ending with a full stop. With ``year``, it may hold a year
    that is not part of a date ("... by the end of 2025"; not "Posted on 2 February 2024")."""
    kind = item.verdict.kind
    return (
        (kind is LINE or kind is SENTENCE or (kind is PROSE and last_mark(item) in _ASKS))
        and (not item.feats.dated or (year and _year_alone(item.text)))
        and _title_shaped(item)
    )


# A day's number a few words before a year ("2 February 2024", "3 de febrero de 2024",
# "March 14, 2024") or right after it ("2024-03-14", "2024年3月14日"). Bounded: linear.
_DAY_AND_YEAR = re.compile(r"\b\d{1,2}\b\D{1,16}\b(?:19|20)\d\d\b|\b(?:19|20)\d\d\D{1,3}\d{1,2}(?!\d)")


def _year_alone(text: str) -> bool:
    """Whether a dated line's date is a year alone: no time of day, no slashed date, no day."""
    return has_year(text) and not has_time_or_date(text) and _DAY_AND_YEAR.search(text) is None


def _title_shaped(item: Item, quoted: bool = False) -> bool:
    """Shaped like a title, whatever it reads as (noise aside): not a list item (unless
    ``quoted``: the page's <title> opening with a dash quotes someone, "- Angsten vil
    øke", and so does the headline repeating it), at most
    TITLE_MAX_WORDS, not ending with a full stop, and if as long as a paragraph, not ending
    like one. The page's <title> and the headline that repeats it are known by position
    and by their words, so they may also hold a year ("Die Eisheiligen 2024: ...") or run
    long enough to read as prose (a 30-word headline)."""
    feats = item.feats
    return (
        item.verdict.kind is not NOISE
        and (quoted or not item.bullet)
        and 1 <= feats.words <= TITLE_MAX_WORDS
        and not (feats.terminal and item.text.endswith("."))
        and not (feats.terminal and item.verdict.kind is PROSE and last_mark(item) not in _ASKS)
        and bool(feats.tokens)
    )


#: A first line with menu separators may be the <title> ("Headline | Section | Site") if
#: at least this many words come before its first separator.
PAGE_TITLE_HEAD_WORDS = 3


def page_title(item: Item) -> bool:
    """Whether the first line can be the page's <title>, to look for again as the headline:
    a title-like line, or "Headline | Section | Site", whose separators make it read as a
    menu (classify) but whose first part is a headline."""
    if _title_shaped(item, quoted=True):
        return True
    if item.verdict.label is not Label.NAVIGATION or item.feats.separators < 2:
        return False
    head = []
    for part in item.text.split(" "):
        if len(part) == 1 and part in SEPARATORS:
            break
        head.append(part)
    return features(" ".join(head)).words >= PAGE_TITLE_HEAD_WORDS  # Chinese counts by character


def find_title(items: list[Item], start: int, headline: int | None) -> int | None:
    """The headline: where the first line (the page's <title>, "Headline - Site") comes
    again above the article; else the longest title-like block among the first block
    and those just above the article (site names and credits are short), those sharing
    the <title>'s words first, and the <title> itself when none does.
    """
    if headline is not None and headline < start:
        return headline  # the page's <title> again above the article: the headline itself
    if not items:
        return None
    # Right above the article, the first line is the title when shaped like one: cleaning the
    # output again, it is the headline found in a longer or dated form (see _title_shaped).
    first = title_like(items[0]) or (start <= 1 and _title_shaped(items[0], quoted=True))
    candidates = [0] if first else []
    lo = max(start - TITLE_WINDOW, 1)
    candidates += [
        i
        for i in range(lo, start)
        if title_like(items[i], year=True)
        and items[i].feats.words >= 3
        and not items[i + 1].verdict.credit  # the text of a photo, not a headline
    ]
    # A long line right under another candidate is that one's standfirst (see line_dek).
    candidates = [i for i in candidates if not (i - 1 in candidates and line_dek(items, i - 1, start))]
    if not candidates:
        return None
    # A candidate sharing many words with the <title> is the headline in other words (titles
    # are often rewritten for search engines): it beats the <title> line itself.
    if candidates[0] == 0:
        head = _title_head(items[0])
        alike = [i for i in candidates[1:] if _shares_words(items[i].feats.tokens, head)]
        if alike:
            candidates = alike
        elif _SITE_SEPARATOR.search(items[0].text):
            # Nothing above the article shares its words: the <title> ("Headline - Site") is
            # the only headline there is; the lines there are share buttons and sign-up boxes.
            return 0
    return max(candidates, key=lambda i: (items[i].feats.words, -i))


#: A headline holds at least this share of the words of the <title> it was rewritten from
#: (the site's name left out), and at least HEADLINE_COMMON_WORDS of them.
TITLE_WORDS_SHARE = 0.4
HEADLINE_COMMON_WORDS = 3
_SITE_SEPARATOR = re.compile(" [-–—|] ")


def _title_head(item: Item) -> set[str]:
    """The words of the <title> line before its last separator (" - Site", " | Site"), unless
    what follows that separator is the longer part: then it is the headline after a kicker
    ("«Kicker»: - Headline in four words"), and every word counts."""
    parts = _SITE_SEPARATOR.split(item.text)
    if len(parts) > 1:
        head = features(" ".join(parts[:-1])).tokens
        if len(features(parts[-1]).tokens) < len(head):
            return set(head)
    return set(item.feats.tokens)


def _shares_words(tokens: tuple[str, ...], head: set[str]) -> bool:
    common = len(head.intersection(tokens))
    return common >= HEADLINE_COMMON_WORDS and common >= TITLE_WORDS_SHARE * len(head)


#: A line that opens like the title repeats it only if it holds at least this share of the
#: longer one's words: "Olympics in Paris" opening a 17-word title is its kicker.
REPEAT_TITLE_SHARE = 0.5


def repeats_title(item: Item, title: Item) -> bool:
    """The headline again, with or without the site name after it.

    In Chinese, Japanese or Thai a "word" is a whole clause between punctuation marks, so a
    headline that differs from the page's <title> by a character or two ("尹大統領" for
    "尹錫悦大統領") shares no word after the first: there, with the same first word, most
    of the shorter one's character pairs must occur in the longer one.
    """
    a, b = item.feats.tokens, title.feats.tokens
    if a[:1] != b[:1]:  # both tests below need the same first word: most lines stop here
        return False
    short, long = (a, b) if len(a) <= len(b) else (b, a)
    if len(short) >= 3 and long[: len(short)] == short and len(short) >= REPEAT_TITLE_SHARE * len(long):
        return True
    return bool(a) and is_unspaced(a[0]) and _similar_characters(a, b)


#: A headline in a script written without spaces (lexicon.is_unspaced) repeats the title if it has at least this many characters...
HEADLINE_MIN_CHARS = 8
#: ...and at least this share of its adjacent character pairs occur in the title (or the other way round).
HEADLINE_PAIR_SHARE = 0.8


def _similar_characters(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    x, y = "".join(a), "".join(b)
    short, long = (x, y) if len(x) <= len(y) else (y, x)
    if len(short) < HEADLINE_MIN_CHARS:
        return False
    pairs = [short[i : i + 2] for i in range(len(short) - 1)]
    known = {long[i : i + 2] for i in range(len(long) - 1)}
    return sum(p in known for p in pairs) >= HEADLINE_PAIR_SHARE * len(pairs)
