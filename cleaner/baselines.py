"""Reference systems that `cleaner.evaluate` runs beside cleaner.

Each baseline is a function `(input) -> list[str]` returning paragraphs. Text-mode
baselines take the visible text of a page (one block per line); HTML-mode baselines
take the raw HTML (str or bytes).

    c4                 C4-style line filter (text)
    justext            jusText, each line as its own <p>, stoplist guessed from the page (text)
    trafilatura-lines  trafilatura, each line as its own <p> (text)
    everything         every non-empty line (text)
    trafilatura        trafilatura on the page's HTML, comments excluded (HTML)
"""

from __future__ import annotations

from collections import Counter
from functools import lru_cache
from html import escape
from typing import Callable

import regex

Extractor = Callable[[str], "list[str]"]

# --- C4 ---------------------------------------------------------------------------

# C4 (Raffel et al. 2020, TFDS c4_utils) keeps a line when it ends in . ! ? or ".
# This set adds the closing quotes ' ’ ” », the ellipsis … and the CJK stops 。！？:
# it reproduces the benchmark READMEs' C4-style figures (ASCII marks alone score far
# lower there, as curly quotes close many English paragraphs).
C4_END_MARKS = (".", "!", "?", '"', "'", "’", "”", "»", "…", "。", "！", "？")
C4_MIN_WORDS = 5
C4_BAD_SUBSTRINGS = ("javascript", "cookie", "privacy policy")


def c4(text: str) -> list[str]:
    """C4-style line filter: keep lines of >= 5 words ending in terminal punctuation,
    dropping lines that mention javascript, cookies or the privacy policy."""
    kept = []
    for line in text.splitlines():
        line = line.strip()
        if len(line.split()) < C4_MIN_WORDS or not line.endswith(C4_END_MARKS):
            continue
        lower = line.lower()
        if any(bad in lower for bad in C4_BAD_SUBSTRINGS):
            continue
        kept.append(line)
    return kept


# --- keep everything --------------------------------------------------------------


def everything(text: str) -> list[str]:
    """Every non-empty line, stripped."""
    return [line.strip() for line in text.splitlines() if line.strip()]


# --- jusText ----------------------------------------------------------------------

_WORD = regex.compile(r"\w+")
STOPLIST_MIN_COVERAGE = 0.1  # below this share of the words, no stoplist fits


def _lines_as_html(text: str) -> str:
    paragraphs = "".join(f"<p>{escape(line)}</p>\n" for line in everything(text))
    return f"<html><body>\n{paragraphs}</body></html>"


@lru_cache(maxsize=None)
def _stoplists() -> dict[str, frozenset[str]]:
    import justext

    return {name: justext.get_stoplist(name) for name in sorted(justext.get_stoplists())}


def guess_stoplist(text: str) -> str | None:
    """The jusText stoplist holding most of the page's distinct words, or None when even
    that one covers under 10 % of the running words (a language jusText has no list for,
    such as Japanese or Zulu).

    Distinct words, because counting every occurrence favours the huge stoplists that
    contain common English words (Finnish, Marathi) and mislabels English pages.
    """
    words = Counter(w.lower() for w in _WORD.findall(text))
    if not words:
        return None
    lists = _stoplists()
    best = max(lists, key=lambda name: len(words.keys() & lists[name]))
    covered = sum(n for w, n in words.items() if w in lists[best])
    return best if covered >= STOPLIST_MIN_COVERAGE * sum(words.values()) else None


def justext_lines(text: str) -> list[str]:
    """jusText 3 with default settings, each line as its own <p>; non-boilerplate paragraphs.

    Without a fitting stoplist, jusText's documented language-independent mode: an
    empty stoplist with both stopword thresholds at 0.
    """
    import justext

    name = guess_stoplist(text)
    html = _lines_as_html(text)
    if name is None:
        paragraphs = justext.justext(html, frozenset(), stopwords_low=0, stopwords_high=0)
    else:
        paragraphs = justext.justext(html, _stoplists()[name])
    return [p.text for p in paragraphs if not p.is_boilerplate]


# --- trafilatura ------------------------------------------------------------------


def _split(extracted: str | None) -> list[str]:
    return [line.strip() for line in (extracted or "").splitlines() if line.strip()]


def trafilatura_html(html: str | bytes) -> list[str]:
    """trafilatura.extract on the raw HTML, comments excluded, deduplication off."""
    import trafilatura

    return _split(trafilatura.extract(html, include_comments=False, deduplicate=False))


def trafilatura_lines(text: str) -> list[str]:
    """trafilatura.extract with each line of the text as its own <p>."""
    return trafilatura_html(_lines_as_html(text))


TEXT_BASELINES: dict[str, Extractor] = {
    "c4": c4,
    "justext": justext_lines,
    "trafilatura-lines": trafilatura_lines,
    "everything": everything,
}
HTML_BASELINES: dict[str, Extractor] = {
    "trafilatura": trafilatura_html,
}


def warm_up() -> None:
    """Load what the baselines load lazily, so that timing excludes it."""
    _stoplists()
    trafilatura_html("<html><body><p>warm up</p></body></html>")
