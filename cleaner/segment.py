"""Text -> segments: every non-empty line is one block.

Scraped text often puts a tag line, a caption and a paragraph on consecutive lines
with no blank line between them, so a line (not a blank-line paragraph) is the unit.
"""

from __future__ import annotations

from typing import NamedTuple

import regex

# A bullet at the start of a line: a bullet character, a dash or star followed by a
# space, or "1." / "1)" numbering. Anchored, bounded, no nested quantifiers.
_BULLET = regex.compile(r"^(?:[•·▪▫◦‣∙●○■□►▶➤→✓✔※\-–—*+]\s|\d{1,3}[.)]\s)")


class Segment(NamedTuple):
    """A block before classification: its normalised text, where it was, and markup hints.

    A NamedTuple: one is built per line of input, so it must be cheap."""

    text: str
    first_line: int
    last_line: int
    bullet: bool = False
    # Hints from HTML (empty in text mode): tag name, ancestors of note, link density.
    tag: str = ""
    context: frozenset[str] = frozenset()
    link_density: float = 0.0


def normalise(text: str) -> str:
    """Collapse every run of white space (Unicode included) to one space and strip.

    Idempotent, and the result holds no line break of any kind, so a cleaned block
    is still exactly one line when the output is segmented again.
    """
    return " ".join(text.split())


def segment(text: str) -> list[Segment]:
    """Every line with visible text becomes a Segment, in order (lines split like str.splitlines())."""
    segments = []
    # tuple.__new__ with every field: what Segment(...) does, without its Python-level
    # __new__ (one Segment per line of every page).
    new = tuple.__new__
    empty: frozenset[str] = frozenset()
    for number, line in enumerate(text.splitlines(), start=1):
        clean = " ".join(line.split())  # normalise(line)
        if clean:
            # _BULLET needs white space (here only " ") within the first five characters:
            # most lines skip the regex.
            bullet = " " in clean[1:5] and _BULLET.match(clean) is not None
            segments.append(new(Segment, (clean, number, number, bullet, "", empty, 0.0)))
    return segments
