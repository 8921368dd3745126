"""Stopword lists and language detection, from jusText's 100 stoplists.

jusText's lists are frequency lists (they hold content words such as "gouvernement"
as well as function words), so they tell languages apart well and give a useful
"how much does this read like running text" density, but they cannot separate a
keyword line from prose on their own.
"""

from __future__ import annotations

from collections import Counter
from itertools import chain, islice
from typing import Iterable

import justext

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


def _load() -> tuple[dict[str, frozenset[str]], dict[str, tuple[str, ...]]]:
    stoplists = {}
    index: dict[str, list[str]] = {}
    for name in sorted(justext.get_stoplists()):
        words = frozenset(w.lower() for w in justext.get_stoplist(name))
        stoplists[name] = words
        for word in words:
            index.setdefault(word, []).append(name)
    # A word in very many lists ("a", "de", "the") votes for every language alike: it
    # only costs time, so the index leaves it out.
    return stoplists, {w: tuple(names) for w, names in index.items() if len(names) <= MAX_LISTS_PER_WORD}


# Immutable data read once at import: the same in every process.
STOPLISTS, _INDEX = _load()
STOPLISTS_EMPTY: frozenset[str] = frozenset()


def stoplist_name(language: str) -> str | None:
    """jusText's name for a code ("fr") or name ("French"); None if unknown."""
    key = language.strip()
    return CODES.get(key.lower()) or _NAMES.get(key.lower())


def detect(words: Iterable[str]) -> str | None:
    """The stoplist that covers most of these (lower-cased) words, or None."""
    sample = list(islice(words, DETECT_WORDS))
    total = len(sample)
    # map/filter/chain keep the counting loop in C: no Python frame per word.
    votes: Counter[str] = Counter(chain.from_iterable(filter(None, map(_INDEX.get, sample))))
    if not votes:
        return None
    # Ties broken by name so the answer never depends on dict order.
    hits = max(votes.values())
    name = min(name for name, count in votes.items() if count == hits)
    return name if hits >= DETECT_MIN_SHARE * total else None


def stopwords(name: str | None) -> frozenset[str]:
    return STOPLISTS.get(name, STOPLISTS_EMPTY) if name else STOPLISTS_EMPTY
