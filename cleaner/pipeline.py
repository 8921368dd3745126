"""The public entry points: text in, Document out (placeholder classifier for now)."""

from __future__ import annotations

from typing import Any

from .config import Config, resolve
from .document import Block, Document, Label
from .segment import segment


def clean_document(text: str, *, config: Config | None = None, **overrides: Any) -> Document:
    """Clean the visible text of one page: its title, body paragraphs and every block explained."""
    cfg = resolve(config, overrides)
    blocks = [
        Block(i, s.text, s.first_line, s.last_line, Label.BODY, True, "prose")
        for i, s in enumerate(segment(text))
    ]
    return Document(None, [b.text for b in blocks], blocks)


def clean(text: str, *, config: Config | None = None, **overrides: Any) -> list[str]:
    """The body paragraphs of one page's visible text, title excluded."""
    return clean_document(text, config=config, **overrides).paragraphs
