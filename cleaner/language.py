"""Stopword lists and language detection, from jusText's 100 stoplists.

jusText's lists are frequency lists (they hold content words such as "gouvernement"
as well as function words), so they tell languages apart well and give a useful
"how much does this read like running text" density, but they cannot separate a
keyword line from prose on their own.
"""

from __future__ import annotations

import sys
from array import array
from itertools import islice
from typing import Iterable

import justext

from .lexicon import SPELLINGS, same_letters

#: ISO 639-1 codes for jusText's language names, so users can say language="fr".
CODES = {
    "af": "Afrikaans", "sq": "Albanian", "ar": "Arabic", "an": "Aragonese", "hy": "Armenian",
    "ast": "Asturian", "az": "Azerbaijani", "eu": "Basque", "be": "Belarusian", "bn": "Bengali",
    "bs": "Bosnian", "br": "Breton", "bg": "Bulgarian", "ca": "Catalan", "ceb": "Cebuano",
    "cv": "Chuvash", "hr": "Croatian", "cs": "Czech", "da": "Danish", "nl": "Dutch",
    "en": "English", "eo": "Esperanto", "et": "Estonian", "fi": "Finnish", "fr": "French",
    "gl": "Galician", "ka": "Georgian", "de": "German", "el": "Greek", "gu": "Gujarati",
    "ht": "Haitian", "he": "Hebrew", "hi": "Hindi", "hu": "Hungarian", "is": "Icelandic",
    "io": "Ido", "ig": "Igbo", "id": "Indonesian", "ga": "Irish", "it": "Italian",
    "jv": "Javanese", "kn": "Kannada", "kk": "Kazakh", "ko": "Korean", "ku": "Kurdish",
    "ky": "Kyrgyz", "la": "Latin", "lv": "Latvian", "lt": "Lithuanian", "lmo": "Lombard",
    "nds": "Low_Saxon", "lb": "Luxembourgish", "mk": "Macedonian", "ms": "Malay",
    "ml": "Malayalam", "mt": "Maltese", "mr": "Marathi", "nap": "Neapolitan", "ne": "Nepali",
    "new": "Newar", "nb": "Norwegian_Bokmal", "no": "Norwegian_Bokmal", "nn": "Norwegian_Nynorsk",
    "oc": "Occitan", "fa": "Persian", "pms": "Piedmontese", "pl": "Polish", "pt": "Portuguese",
    "qu": "Quechua", "ro": "Romanian", "ru": "Russian", "sgs": "Samogitian", "sr": "Serbian",
    "sh": "Serbo_Croatian", "scn": "Sicilian", "sk": "Slovak", "sl": "Slovenian",
    "es": "Spanish", "su": "Sundanese", "sw": "Swahili", "sv": "Swedish", "tl": "Tagalog",
    "ta": "Tamil", "te": "Telugu", "tr": "Turkish", "tk": "Turkmen", "uk": "Ukrainian",
    "ur": "Urdu", "uz": "Uzbek", "vi": "Vietnamese", "vo": "Volapuk", "wa": "Walloon",
    "war": "Waray_Waray", "cy": "Welsh", "fy": "West_Frisian", "pnb": "Western_Panjabi",
    "yo": "Yoruba",
}
_NAMES = {name.lower(): name for name in justext.get_stoplists()}

#: Only this many words of a document are looked at to guess its language.
DETECT_WORDS = 400
#: Below this share of words found in the best stoplist, the language is "unknown".
DETECT_MIN_SHARE = 0.15


#: Words found in more stoplists than this do not vote in language detection.
MAX_LISTS_PER_WORD = 30


def _load() -> tuple[dict[str, frozenset[str]], dict[str, int]]:
    stoplists = {}
    index: dict[str, list[int]] = {}
    spellings = {CODES[code]: table for code, table in SPELLINGS.items()}
    for lane, name in enumerate(sorted(justext.get_stoplists())):
        words = frozenset(same_letters(w.lower()) for w in justext.get_stoplist(name))
        if name in spellings:  # each word in the language's other spelling too
            words |= {w.translate(spellings[name]) for w in words}
        stoplists[name] = words
        for word in words:
            index.setdefault(word, []).append(lane)
    # A word in very many lists ("a", "de", "the") votes for every language alike: it
    # only costs time, so the index leaves it out.
    return stoplists, {
        w: sum(1 << (LANE_BITS * lane) for lane in lanes) for w, lanes in index.items() if len(lanes) <= MAX_LISTS_PER_WORD
    }


#: Votes are counted for every language at once, in one integer: the count for the
#: language of lane k (stoplist names in sorted order) sits in bits [16k, 16k + 16). A
#: word's vote is a sum of such lanes, a text's votes the sum of its words' votes: one
#: C-level addition per word instead of one count per (word, language). A lane holds at
#: most DETECT_WORDS < 2**16 votes, so lanes never spill into each other.
LANE_BITS = 16
# Immutable data read once at import: the same in every process.
STOPLISTS, _VOTES = _load()
_LANE_NAMES = tuple(sorted(STOPLISTS))
STOPLISTS_EMPTY: frozenset[str] = frozenset()


def stoplist_name(language: str) -> str | None:
    """jusText's name for a code ("fr") or name ("French"); None if unknown."""
    key = language.strip()
    return CODES.get(key.lower()) or _NAMES.get(key.lower())


def votes(words: Iterable[str]) -> int:
    """Every language's votes from these (lower-cased) words, one lane per language
    (see LANE_BITS). Votes add up: the votes of a text are the sum of its parts'.
    At most DETECT_WORDS words may be counted into one sum."""
    return sum(filter(None, map(_VOTES.get, words)))


def decide(counted: int, words: int) -> str | None:
    """The language with most votes among ``counted`` (from ``words`` words), or None
    below DETECT_MIN_SHARE. Ties go to the first name in sorted order."""
    if not counted:
        return None
    counts = array("H", counted.to_bytes(LANE_BITS // 8 * len(_LANE_NAMES), "little"))
    if sys.byteorder != "little":
        counts.byteswap()
    hits = max(counts)
    return _LANE_NAMES[counts.index(hits)] if hits >= DETECT_MIN_SHARE * words else None


def detect(words: Iterable[str]) -> str | None:
    """The stoplist that covers most of the first DETECT_WORDS of these (lower-cased) words, or None."""
    sample = list(islice(words, DETECT_WORDS))
    return decide(votes(sample), len(sample))


def stopwords(name: str | None) -> frozenset[str]:
    return STOPLISTS.get(name, STOPLISTS_EMPTY) if name else STOPLISTS_EMPTY
