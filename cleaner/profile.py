"""Site boilerplate learned from a corpus: the lines a source repeats on many of its pages.

One page cannot tell a site's newsletter blurb from its article, since both are full
sentences; a hundred pages of the same site can, because the blurb is on all of them.
:func:`learn` counts every line once per document, grouped by source (a domain, a
folder), and keeps the lines that recur on many pages of one source. Cleaning with the
resulting :class:`Profile` (``clean(text, profile=profile)``) drops those lines as
``repeated`` noise, with the reason "repeated on N pages of SOURCE".

Lines are compared in their folded form (:func:`cleaner.lexicon.fold`: NFKC, case
folded, digits and punctuation dropped), so "Posted 3 hours ago" and "Posted 5 hours
ago" are one line.

Thresholds (why the defaults keep real text): a line is boilerplate of a source when it
is on at least ``max(min_pages, min_share × pages of the source)`` of its pages.

* ``min_pages = 3``: a quotation, a standard sentence or a correction repeated in two
  articles is not boilerplate; two pages are never enough evidence.
* ``min_share = 0.2``: on a large source, a line must also be on a fifth of its pages.
  Menus, footers, cookie and newsletter notices are on nearly every page; a background
  paragraph reused across a running story is on a handful of a site's thousands.

So a source with fewer than three pages contributes nothing, and a source of 3 to 15
pages needs a line on 3 of them. The profile file is JSON with sorted keys, one line
per entry with the number of pages it was seen on, so it can be reviewed, edited
(delete an entry to keep that line; add one, in any spelling, to drop it) and versioned.

Every group's lines apply to every document cleaned with the profile: a document does
not need to say where it comes from, and a line that is boilerplate on one site is very
rarely body text elsewhere. The reason names the group that has the line most often.
To restrict cleaning to one site's lines, learn a profile from that site alone.

Memory while learning is bounded per source by lossy counting (Manku & Motwani): every
:data:`PRUNE_EVERY` pages of a source, lines seen too rarely to ever reach the share
threshold are forgotten, so a source of millions of pages holds only its frequent lines.
"""

from __future__ import annotations

import json
import math
import os
from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar, Iterable, Mapping, Sequence, Union

from .classify import NOISE_PENALTY, Kind, Verdict
from .document import Label
from .lexicon import fold
from .segment import segment

if TYPE_CHECKING:
    from .features import Features
    from .lexicon import Match
    from .segment import Segment

__all__ = ["MIN_PAGES", "MIN_SHARE", "Profile", "learn", "lines_of"]

#: A line is boilerplate of a source when it is on at least this many of its pages...
MIN_PAGES = 3
#: ...and on at least this share of them.
MIN_SHARE = 0.2
#: Lossy counting: every this many pages of a source, forget lines too rare to matter.
PRUNE_EVERY = 1000
#: The format marker and version written at the top of a profile file.
FORMAT = "cleaner-profile"
VERSION = 1

PathLike = Union[str, "os.PathLike[str]"]


def lines_of(text: str) -> set[str]:
    """The distinct folded lines of a page (a set: each counts once per document)."""
    return {folded for s in segment(text) if (folded := fold(s.text))}


def _threshold(pages: int, min_pages: int, min_share: float) -> int:
    return max(min_pages, math.ceil(min_share * pages))


@dataclass(frozen=True, repr=False)
class Profile:
    """Lines that sources repeat on many pages. Frozen, hashable and picklable (it lives in Config).

    ``groups`` holds ``(source, pages)`` pairs and ``lines`` holds ``(source, folded line,
    pages it is on)`` triples, both sorted. Build one with :func:`learn` or :meth:`load`.
    """

    groups: tuple[tuple[str, int], ...] = ()
    lines: tuple[tuple[str, str, int], ...] = ()
    min_pages: int = MIN_PAGES
    min_share: float = MIN_SHARE
    # folded line -> (pages, source) of the source that has it most often. Derived from
    # `lines` in __post_init__ (no global cache), and not a dataclass field, so eq, hash,
    # repr and asdict ignore it; it is an instance attribute despite the ClassVar.
    _index: ClassVar[Mapping[str, tuple[int, str]]]

    def __post_init__(self) -> None:
        index: dict[str, tuple[int, str]] = {}
        for source, line, count in self.lines:
            best = index.get(line)
            if best is None or count > best[0] or (count == best[0] and source < best[1]):
                index[line] = (count, source)
        object.__setattr__(self, "groups", tuple(sorted(self.groups)))
        object.__setattr__(self, "lines", tuple(sorted(self.lines)))
        object.__setattr__(self, "_index", index)

    def __len__(self) -> int:
        return len(self.lines)

    def __repr__(self) -> str:  # the default would print every line inside every Config repr
        pages = sum(p for _, p in self.groups)
        return f"<Profile: {len(self._index)} lines from {pages} pages of {len(self.groups)} sources>"

    def lookup(self, text: str) -> tuple[int, str] | None:
        """``(pages, source)`` when the block's folded text is a profile line, else None."""
        return self._index.get(fold(text))

    def reason(self, text: str) -> str | None:
        """Why the block is dropped ("repeated on 12 pages of example.com"), or None."""
        hit = self.lookup(text)
        return None if hit is None else f"repeated on {hit[0]} pages of {hit[1]}"

    def verdicts(
        self, segments: Sequence[Segment], feats: Sequence[Features], matches: Sequence[Match | None]
    ) -> dict[int, Verdict]:
        """Block index -> a noise verdict for each profile line that no lexicon phrase matched.

        The pipeline's hook: a profile line behaves like a lexicon match of label
        ``repeated``. Lexicon matches win because their labels say more (a comment
        heading stops the article, a related-links heading takes its list along).
        """
        out = {}
        for i, (s, f, m) in enumerate(zip(segments, feats, matches)):
            reason = self.reason(s.text) if m is None else None
            if reason is not None:
                out[i] = Verdict(Kind.NOISE, Label.REPEATED, reason, -(f.words + NOISE_PENALTY))
        return out

    # --- the file -------------------------------------------------------------------

    def to_json(self) -> str:
        """Small readable JSON: sorted keys, one entry a line, the page count of each line."""
        groups: dict[str, dict[str, object]] = {
            source: {"pages": pages, "lines": {}} for source, pages in self.groups
        }
        for source, line, count in self.lines:
            groups.setdefault(source, {"pages": count, "lines": {}})["lines"][line] = count  # type: ignore[index]
        data = {
            "format": FORMAT,
            "version": VERSION,
            "min_pages": self.min_pages,
            "min_share": self.min_share,
            "groups": groups,
        }
        return json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n"

    @classmethod
    def from_json(cls, text: str, *, origin: str = "<string>") -> Profile:
        """Parse a profile file; hand-written lines are folded, so any spelling works."""
        try:
            data = json.loads(text)
            if data.get("format") != FORMAT:
                raise ValueError(f'not a cleaner profile (no "format": "{FORMAT}")')
            if data.get("version") != VERSION:
                raise ValueError(f"unsupported profile version {data.get('version')!r}")
            groups, lines = [], []
            for source, group in data["groups"].items():
                groups.append((str(source), _count(group["pages"], f"pages of {source}")))
                for line, count in group["lines"].items():
                    if folded := fold(line):
                        lines.append((str(source), folded, _count(count, f"count of {line!r}")))
            return cls(
                tuple(groups),
                tuple(lines),
                min_pages=int(data.get("min_pages", MIN_PAGES)),
                min_share=float(data.get("min_share", MIN_SHARE)),
            )
        except (AttributeError, KeyError, TypeError, ValueError) as error:
            what = f"missing key {error}" if isinstance(error, KeyError) else str(error)
            raise ValueError(f"{origin}: invalid profile: {what}") from None

    @classmethod
    def load(cls, path: PathLike) -> Profile:
        with open(path, encoding="utf-8") as handle:
            return cls.from_json(handle.read(), origin=os.fspath(path))

    def save(self, path: PathLike) -> None:
        with open(path, "w", encoding="utf-8") as handle:
            handle.write(self.to_json())


def _count(value: object, what: str) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or value < 1:
        raise ValueError(f"{what} must be a positive integer, not {value!r}")
    return value


class _Group:
    """Lossy counts of one source's lines: bounded memory, counts short by at most pages/PRUNE_EVERY."""

    __slots__ = ("pages", "counts", "errors")

    def __init__(self) -> None:
        self.pages = 0
        self.counts: Counter[str] = Counter()
        self.errors: dict[str, int] = {}  # line -> how many pages it may have been missed on

    def add(self, lines: Iterable[str]) -> None:
        bucket = self.pages // PRUNE_EVERY
        self.pages += 1
        for line in lines:
            if line not in self.counts:
                self.errors[line] = bucket
            self.counts[line] += 1
        if self.pages % PRUNE_EVERY == 0:
            bucket = self.pages // PRUNE_EVERY
            rare = [line for line, n in self.counts.items() if n + self.errors[line] <= bucket]
            for line in rare:
                del self.counts[line], self.errors[line]


def learn(
    documents: Iterable[tuple[str, str]],
    *,
    min_pages: int = MIN_PAGES,
    min_share: float = MIN_SHARE,
) -> Profile:
    """A Profile from ``(source, text)`` pairs: each source's lines on enough of its pages.

    Streams: the documents are read once and never held. See the module docstring for
    why the thresholds keep real text.
    """
    if not isinstance(min_pages, int) or min_pages < 2:
        raise ValueError(f"min_pages must be an integer of at least 2, not {min_pages!r}")
    if not 0.0 <= min_share <= 1.0:
        raise ValueError(f"min_share must be between 0 and 1, not {min_share!r}")
    groups: dict[str, _Group] = {}
    for source, text in documents:
        groups.setdefault(source, _Group()).add(lines_of(text))
    lines: list[tuple[str, str, int]] = []
    for source, group in groups.items():
        needed = _threshold(group.pages, min_pages, min_share)
        lines.extend((source, line, n) for line, n in group.counts.items() if n >= needed)
    return Profile(
        tuple((source, g.pages) for source, g in groups.items()),
        tuple(lines),
        min_pages=min_pages,
        min_share=min_share,
    )
