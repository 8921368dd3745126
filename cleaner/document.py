"""The data cleaner hands back: a Document made of labelled Blocks.

Blocks are immutable: each stage of the pipeline builds new values instead of
mutating shared state, so a stage can be tested on its own.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from typing import Any, Callable, NamedTuple, Sequence


class Label(str, enum.Enum):
    """What kind of block this is. String values so JSON output stays readable."""

    BODY = "body"
    TITLE = "title"
    HEADING = "heading"
    CAPTION = "caption"
    TAG_LINE = "tag-line"
    WIDGET = "widget"
    LINK_LIST = "link-list"
    FOOTER = "footer"
    BOILERPLATE = "boilerplate-phrase"
    NAVIGATION = "navigation"
    BYLINE = "byline"
    COMMENT = "comment"
    SHORT = "short"
    REPEATED = "repeated"
    ADVERTISEMENT = "advertisement"  # an ad label or "continues below the ad": a marker, not a list's heading
    NEXT_ARTICLE = "next-article"  # "Next article": the article ends before it (the next one may follow)
    PAYWALL = "paywall"  # "The rest is for subscribers": the visible part of the article ends before it

    def __str__(self) -> str:
        return self.value


@dataclass(frozen=True, init=False)
class Block:
    """One input block (a line of text, or a block element of HTML) and the decision about it."""

    index: int
    text: str
    first_line: int
    last_line: int
    label: Label = Label.BODY
    kept: bool = True
    reason: str = ""

    def __init__(
        self,
        index: int,
        text: str,
        first_line: int,
        last_line: int,
        label: Label = Label.BODY,
        kept: bool = True,
        reason: str = "",
    ) -> None:
        # One __dict__ for all the fields: the frozen dataclass's own __init__ would call
        # object.__setattr__ seven times, and a Block is built for every line of every page.
        object.__setattr__(
            self,
            "__dict__",
            {
                "index": index,
                "text": text,
                "first_line": first_line,
                "last_line": last_line,
                "label": label,
                "kept": kept,
                "reason": reason,
            },
        )

    def to_dict(self) -> dict[str, object]:
        return {
            "index": self.index,
            "text": self.text,
            "lines": [self.first_line, self.last_line],
            "label": self.label.value,
            "kept": self.kept,
            "reason": self.reason,
        }


@dataclass(frozen=True)
class Document:
    """The cleaned page: its title, its body paragraphs, and every input block explained."""

    title: str | None
    paragraphs: list[str] = field(default_factory=list)
    blocks: list[Block] = field(default_factory=list)

    @classmethod
    def from_blocks(cls, blocks: list[Block]) -> Document:
        """The Document the blocks' decisions make: the kept title, then the kept paragraphs."""
        titles = [b.text for b in blocks if b.kept and b.label is Label.TITLE]
        paragraphs = [b.text for b in blocks if b.kept and b.label is not Label.TITLE]
        return cls(titles[0] if titles else None, paragraphs, blocks)

    @classmethod
    def _lazy(cls, title: str | None, paragraphs: list[str], columns: Callable[[], Columns]) -> Document:
        """A Document whose blocks are ``columns().blocks()``, built on first access and kept.

        Most callers read only the title, paragraphs or text: clean() never needs the
        Blocks, nor does clean_many's parent process, whose time taken away from the
        workers slows the whole run. Otherwise the Document is the one built at once:
        equal, same repr, pickled and copied with its blocks built, and
        dataclasses.replace gives a plain Document.
        """
        document = cls.__new__(cls)
        object.__setattr__(document, "__dict__", {"title": title, "paragraphs": paragraphs, "_build": columns})
        return document

    def __getattr__(self, name: str) -> Any:
        # Called only when the normal lookup fails, which for `blocks` happens only in a
        # Document from _lazy before its first read (a field with a default_factory
        # leaves no class attribute behind).
        state = self.__dict__
        build = state.get("_build") if name == "blocks" else None
        if build is not None:
            blocks = state.setdefault("blocks", build().blocks())  # the first of several threads' list
            state.pop("_build", None)
            return blocks
        if name == "blocks" and "blocks" in state:  # built by another thread meanwhile
            return state["blocks"]
        raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}")

    def _columns(self) -> Columns:
        """The blocks as columns, without building them when they have not been."""
        build = self.__dict__.get("_build")
        return build() if build is not None else Columns.of(self.blocks, self.blocks)

    def __getstate__(self) -> dict[str, object]:
        return {"title": self.title, "paragraphs": self.paragraphs, "blocks": self.blocks}

    @property
    def text(self) -> str:
        """The title, a blank line, then the paragraphs separated by blank lines."""
        parts = ([self.title] if self.title else []) + self.paragraphs
        return "\n\n".join(parts)

    @property
    def dropped(self) -> list[Block]:
        return [block for block in self.blocks if not block.kept]

    def to_dict(self) -> dict[str, object]:
        return {
            "title": self.title,
            "paragraphs": list(self.paragraphs),
            "blocks": [block.to_dict() for block in self.blocks],
        }


class Columns(NamedTuple):
    """A Document's blocks as one list per field, the index being the position: cheaper
    to make, to pickle and to send between processes than a Block per input block."""

    texts: list[str]
    first_lines: list[int]
    last_lines: list[int]
    labels: list[Label]
    kept: list[bool]
    reasons: list[str]

    @classmethod
    def of(cls, lines: Sequence[Any], decisions: Sequence[Any]) -> Columns:
        """From the lines (anything with text, first_line, last_line: Segments, Blocks)
        and the decisions on them (anything with label, kept, reason: Decisions, Blocks)."""
        return cls(
            [x.text for x in lines],
            [x.first_line for x in lines],
            [x.last_line for x in lines],
            [d.label for d in decisions],
            [d.kept for d in decisions],
            [d.reason for d in decisions],
        )

    def blocks(self) -> list[Block]:
        return [Block(i, *fields) for i, fields in enumerate(zip(*self))]
