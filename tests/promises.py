"""The promises cleaner makes about every document, as plain check functions.

Shared by tests/test_hostile.py (generated inputs) and tests/test_benchmarks_pages.py
(every benchmark page and fixture). Each check raises AssertionError with a message
that says which promise broke.
"""

from __future__ import annotations

from collections.abc import Iterable

import cleaner
from cleaner import Document


def html_cleaner():
    """``cleaner.clean_html_document`` if HTML mode exists, else None."""
    return getattr(cleaner, "clean_html_document", None)


def html_missing_reason() -> str:
    import cleaner.pipeline

    where = ""
    if getattr(cleaner.pipeline, "clean_html_document", None) is not None:
        where = " (cleaner.pipeline has it, but the package does not export it)"
    return f"HTML mode is not there yet: cleaner.clean_html_document is missing{where}"


def normalise(text: str) -> str:
    """White space collapsed as cleaner does it (str.split: every Unicode space and line break)."""
    return " ".join(text.split())


def input_blocks(text: str) -> list[str]:
    """Text mode's blocks: every line with visible text, white space normalised."""
    return [line for line in (normalise(raw) for raw in text.splitlines()) if line]


def assert_in_order(paragraphs: Iterable[str], blocks: list[str]) -> None:
    """Every paragraph is one of the blocks, and they come in the blocks' order."""
    position = 0
    for paragraph in paragraphs:
        try:
            position = blocks.index(paragraph, position) + 1
        except ValueError:
            invented = paragraph not in blocks
            raise AssertionError(
                ("invented" if invented else "out of order") + f": paragraph {paragraph[:200]!r}"
            ) from None


def check_explained(doc: Document) -> None:
    """Every block has a reason, the kept non-title blocks are exactly the paragraphs, and
    the title is the kept title block."""
    missing = [b for b in doc.blocks if not b.reason]
    assert not missing, f"blocks without a reason: {missing[:3]}"
    kept = [b.text for b in doc.blocks if b.kept and b.label is not cleaner.Label.TITLE]
    assert kept == doc.paragraphs, "paragraphs are not the kept blocks"
    titles = [b.text for b in doc.blocks if b.kept and b.label is cleaner.Label.TITLE]
    assert doc.title == (titles[0] if titles else None), "the title is not the kept title block"


def check_text_no_invention(text: str, doc: Document) -> None:
    blocks = input_blocks(text)
    assert [b.text for b in doc.blocks] == blocks, "the blocks are not the input's lines"
    assert_in_order(doc.paragraphs, blocks)
    if doc.title is not None:
        assert doc.title in blocks, f"invented title {doc.title[:200]!r}"
    check_explained(doc)


def check_text_idempotent(doc: Document, **overrides) -> None:
    again = cleaner.clean_document(doc.text, **overrides)
    assert again.text == doc.text, "cleaning the output again changed it"
    assert again.title == doc.title and again.paragraphs == doc.paragraphs


def check_text(text: str, **overrides) -> Document:
    """Text mode: no exception, no invention, every block explained, idempotent, deterministic."""
    doc = cleaner.clean_document(text, **overrides)
    check_text_no_invention(text, doc)
    check_text_idempotent(doc, **overrides)
    assert cleaner.clean_document(text, **overrides) == doc, "not deterministic"
    return doc


# --- HTML mode ------------------------------------------------------------------------

#: Elements whose content a reader never sees (fallback if cleaner.html does not name them).
_INVISIBLE = frozenset("script style noscript template head title".split())


def _skipped_tags() -> frozenset[str]:
    try:
        from cleaner import html as html_mode

        return frozenset(getattr(html_mode, "DROP_TAGS", _INVISIBLE))
    except ImportError:
        return _INVISIBLE


def _is_hidden(el) -> bool:
    try:
        from cleaner.html import _hidden
    except ImportError:
        return False
    return _hidden(el)


def decoded(page: str | bytes) -> str:
    """The page as text, decoded the way HTML mode decodes it (for the oracle below)."""
    if isinstance(page, str):
        return page
    from cleaner.html import decode

    return decode(page)


def html_tree(page: str | bytes):
    """The page parsed as HTML mode parses it, or None if it has no tree."""
    from cleaner.html import parse

    return parse(decoded(page))


def visible_text(page: str | bytes) -> str:
    """The page's visible text: every text node outside skipped or hidden elements, in order.

    Text nodes are concatenated without separators, then white space is normalised:
    a paragraph that HTML mode builds from inline pieces (``<b>foo</b>bar``) or from
    text around a skipped element is then a substring of it.
    """
    import lxml.etree

    root = html_tree(page)
    if root is None:
        return ""
    skipped = _skipped_tags()
    pieces: list[str] = []
    walker = lxml.etree.iterwalk(root, events=("start", "end"))
    skipping: list[bool] = []
    for event, el in walker:
        if event == "start":
            tag = el.tag if isinstance(el.tag, str) else None
            skip = tag is None or tag.lower() in skipped or _is_hidden(el)
            skipping.append(skip)
            if skip:
                walker.skip_subtree()
            elif el.text:
                pieces.append(el.text)
        else:
            skipping.pop()
            if el.tail:
                pieces.append(el.tail)
    return normalise("".join(pieces))


def title_sources(page: str | bytes) -> str:
    """Where a title may come from besides the body: <title>, og:title, every attribute value."""
    root = html_tree(page)
    if root is None:
        return ""
    parts = [normalise(el.text_content()) for el in root.iter("title", "h1")]
    parts += [normalise(v) for el in root.iter() if isinstance(el.tag, str) for v in el.attrib.values()]
    return "\n".join(parts)


def check_html_no_invention(page: str | bytes, doc: Document) -> None:
    visible = visible_text(page)
    for paragraph in doc.paragraphs:
        assert paragraph in visible, f"paragraph not in the page's visible text: {paragraph[:200]!r}"
    if doc.title is not None:
        assert doc.title in visible or doc.title in title_sources(page), f"invented title {doc.title[:200]!r}"
    check_explained(doc)


def check_html(page: str | bytes, *, deterministic: bool = True) -> Document:
    """HTML mode: no exception, no invention, every block explained (and deterministic)."""
    clean_html = html_cleaner()
    doc = clean_html(page)
    check_html_no_invention(page, doc)
    if deterministic:
        assert clean_html(page) == doc, "not deterministic"
    return doc


def check_html_idempotent_in_text_mode(doc: Document) -> None:
    """Text mode cleaning of HTML mode's output changes nothing."""
    again = cleaner.clean_document(doc.text)
    assert again.text == doc.text, "text-mode cleaning of HTML mode's output changed it"
