"""Classify each block on its own: prose, a short sentence, a short line, or noise.

This is the first opinion about a block, from its text alone (features, stopwords,
lexicon). `revise` then decides with context: where the article starts and ends,
which short lines are headings of the article and which are captions or menus.
"""

from __future__ import annotations

import enum
from typing import NamedTuple

from .config import Config
from .document import Label
from .features import Features
from .lexicon import Match
from .patterns import CREDIT_MAX_WORDS

#: Prose has at least this share of its words in the language's stoplist.
MIN_STOP_SHARE = 0.2
#: A block with more than this share of digits is data (dates, scores, prices), not prose.
MAX_DIGIT_SHARE = 0.25
#: Labels of noise headings that take the list under them along.
SECTION_LABELS = frozenset({Label.WIDGET, Label.LINK_LIST, Label.COMMENT})
#: A line that opens with a list's phrase ("More from The Gazette") heads that list, as the
#: phrase alone would, when it is at most this long and has no colon ("Read more: <headline>"
#: is one link).
PREFIX_HEADING_WORDS = 5
#: Labels of headings the article cannot run across: a comment section, the next article.
#: (Nor can it run across a paywall notice of at most HEADING_WORDS, a sentence or not.)
_STOPS = frozenset({Label.COMMENT, Label.NEXT_ARTICLE})
#: Stops that hold wherever they stand: after a paywall notice the page shows no more of the
#: article, even a few lines under the headline (revise) or inside trafilatura's
#: extraction (html). A "Comments" link there is a button, not the end of the article.
FIRM_STOPS = frozenset({Label.PAYWALL})
#: A comment-section heading with words after its phrase is at most this long.
HEADING_WORDS = 25
#: A block with a web address is a link unless it is a sentence longer than this.
URL_MAX_WORDS = 8
#: A short line is looked at for prose-like words (Verdict.wordy) from this many words on.
WORDY_MIN_WORDS = 8
#: Noise weighs this much more than its word count in the search for the article.
NOISE_PENALTY = 3
#: A long block without sentence punctuation or a comma, at least this share of whose
#: cased words are capitalised, is a block of links ("Son Dakika Haberleri Türkiye
#: Haberleri Dünya Haberleri..."): prose, even German, capitalises far fewer.
LINK_BLOCK_CAPITALS = 0.75


class Kind(enum.Enum):
    PROSE = "prose"  # a paragraph of running text
    SENTENCE = "sentence"  # a short sentence: body inside the article, noise outside
    LINE = "line"  # a short line without sentence punctuation: heading, caption, menu item
    NOISE = "noise"  # known boilerplate whatever its context


# The members under plain names: on Python 3.11 each `Kind.LINE` is a slow look-up through
# the enum metaclass's __getattr__ hook, and classify and revise test them for every block.
PROSE, SENTENCE, LINE, NOISE = Kind.PROSE, Kind.SENTENCE, Kind.LINE, Kind.NOISE


class Verdict(NamedTuple):
    """The first opinion about a block. A NamedTuple: one is built per block, so it must be cheap."""

    kind: Kind
    label: Label
    reason: str
    weight: float  # contribution to the search for the main run of prose
    stop: bool = False  # the article cannot run across this block (comments, the next article, a paywall)
    heading: bool = False  # a whole-block noise heading: the list under it goes with it
    credit: bool = False  # a photo credit line ("Foto", "Photo: AFP"): the line above is the photo's text
    wordy: bool = False  # a line of at least WORDY_MIN_WORDS that reads like prose (by its stopwords)


def stop_share(feats: Features, stopwords: frozenset[str]) -> float | None:
    """Share of the block's words in the stoplist; None when there is no stoplist."""
    if not stopwords or not feats.tokens:
        return None
    return sum(map(stopwords.__contains__, feats.tokens)) / len(feats.tokens)


def _prose_like(feats: Features, stopwords: frozenset[str]) -> bool:
    share = stop_share(feats, stopwords)
    return share is None or share >= MIN_STOP_SHARE


def _short_line(feats: Features) -> bool:
    """A heading-sized line: "34 responses to <headline>" heads a comment section."""
    return not feats.terminal and feats.words <= HEADING_WORDS


def classify(
    text: str, feats: Features, match: Match | None, bullet: bool, stopwords: frozenset[str], config: Config
) -> Verdict:
    """The verdict on one block from its text, features and lexicon match (None if no phrase matched)."""
    words = feats.words
    if match is not None:
        label = Label(match.label)
        return Verdict(
            NOISE,
            label,
            f'{label.value.replace("-", " ")}: matches the phrase "{match.phrase}"',
            -(words + NOISE_PENALTY),
            # Only a heading ("Comments", "Read more", "More from The Gazette") opens a section; an
            # inline "Read more: <headline>" link is one line, not a section.
            stop=(label in _STOPS and (match.kind == "exact" or _short_line(feats)))
            or (label is Label.PAYWALL and words <= HEADING_WORDS),
            heading=match.kind == "exact"
            or (match.kind == "prefix" and words <= PREFIX_HEADING_WORDS and ":" not in text),
            # "Text of the photo. Foto: AFP" holds its own credit: the line above is not its text;
            # nor is it above a long line with a credit phrase in it ("A woman ... AP Photo").
            credit=label is Label.CAPTION
            and not match.phrase.startswith("... ")
            and (match.kind != "contains" or words <= CREDIT_MAX_WORDS),
        )
    if feats.url and (words <= URL_MAX_WORDS or not feats.terminal):
        return Verdict(NOISE, Label.NAVIGATION, "a web address", -(words + NOISE_PENALTY))
    # Menus do not end like sentences, though a breadcrumb may end with a title cut short
    # ("Messages » Self-esteem » Only those who love themselves…").
    if feats.separators >= 2 and (not feats.terminal or text.endswith(("…", "..."))):
        return Verdict(
            NOISE, Label.NAVIGATION, "menu items separated by | or »", -(words + NOISE_PENALTY)
        )
    if (
        feats.lowercase
        and words >= 4
        and not (feats.terminal or feats.semi_terminal or bullet or feats.digits)
        and "(" not in text  # a list item that explains itself ("any fish (sea or river)"); keywords do not
    ):
        return Verdict(
            NOISE,
            Label.TAG_LINE,
            "a lower-case run of keywords without punctuation (an SEO tag line)",
            -(words + NOISE_PENALTY),
        )
    if not feats.terminal and words >= config.long_block_words and _capitalised(text, config.long_block_words):
        return Verdict(
            NOISE,
            Label.NAVIGATION,
            "a long run of capitalised words without punctuation (a block of links)",
            -(words + NOISE_PENALTY),
        )
    # The stopword share is looked up last: most short lines are decided without it.
    if (
        words >= config.min_body_words
        and (feats.terminal or words >= config.long_block_words)
        and feats.digits <= MAX_DIGIT_SHARE
        and _prose_like(feats, stopwords)
    ):
        return Verdict(PROSE, Label.BODY, "a paragraph of prose", float(words))
    if (
        words >= config.min_context_words
        and (feats.terminal or feats.semi_terminal)
        and _prose_like(feats, stopwords)
    ):
        return Verdict(SENTENCE, Label.BODY, "a short sentence", 0.0)
    if words < WORDY_MIN_WORDS and words < len(_SHORT_LINES):  # (the table is WORDY_MIN_WORDS long)
        return _SHORT_LINES[words]
    wordy = words >= WORDY_MIN_WORDS and _prose_like(feats, stopwords)
    return Verdict(LINE, Label.SHORT, _SHORT_LINE, -max(words, 1), wordy=wordy)


def _capitalised(text: str, least: int) -> bool:
    """Whether a long block reads as a run of capitalised link texts (LINK_BLOCK_CAPITALS).
    Only words of scripts with case count (at least ``least`` of them): a Chinese or Arabic
    block has too few."""
    if "," in text or "、" in text or "،" in text:  # (the ideographic and Arabic commas too)
        return False
    initials = [word[0] for word in text.split()]
    upper = sum(1 for c in initials if c.isupper())
    cased = upper + sum(1 for c in initials if c.islower())
    return cased >= least and upper >= LINK_BLOCK_CAPITALS * cased


_SHORT_LINE = "a short line without sentence punctuation"
# The verdicts on lines too short to be wordy, by their word count: built once, as most
# lines of a page are such.
_SHORT_LINES = tuple(Verdict(LINE, Label.SHORT, _SHORT_LINE, -max(words, 1)) for words in range(WORDY_MIN_WORDS))
