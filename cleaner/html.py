"""HTML input: bytes -> text -> one Segment per block element, with markup hints.

The flow of HTML mode (`cleaner.clean_html_document`):

1. `decode` turns bytes into text (BOM, declared charset, UTF-8, detection).
2. `parse` builds an lxml tree safely: no network, no DTD, no external entities. A page
   nested past libxml2's depth limit (2,048) is parsed again with the tags beyond depth
   1,000 left out (`flatten`, a linear pre-pass): no text is lost after a deep nest.
3. `walk` goes through the tree iteratively (never recursively, so any depth is safe)
   and makes one Segment per run of block text (p, h1-h6, li, td, div text outside a
   child block, ...; a whole <nav> is one block), with its tag, the notable ancestors
   and class/id tokens around it (`context`) and the share of its characters in links.
   The page title (og:title, <title> or <h1>) comes first, as in text mode.
4. trafilatura runs on the same tree (fast, without its deduplication cache; again
   with its fallbacks when it left out most of the page's long prose), and `mark`
   puts "trafilatura" in the context of every segment found in its extraction. A tree
   on which trafilatura's time grows faster than the page (deeper than 256 elements,
   more than 32 nested tables, more than 20,000 text nodes in paragraphs) is not given
   to it (`trafilatura_refusal`): the classifier and the markup hints decide alone.
5. The same classifier as text mode judges each block's text; `adjust` then revises
   each verdict with the markup (inside <nav> or <aside>, a figcaption, the <h1>, link
   density, in or out of trafilatura's extraction) before revise finds the article.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field, replace
from functools import lru_cache, partial
from typing import Callable

import lxml.etree
import lxml.html

from . import nesting
from .charset import declared_charset, decode  # noqa: F401 (part of HTML mode's interface)
from .classify import FIRM_STOPS, NOISE_PENALTY, SECTION_LABELS, Kind, Verdict
from .document import Block, Label
from .segment import _BULLET, Segment, normalise

# --- parsing ----------------------------------------------------------------------


def _parser() -> lxml.html.HTMLParser:
    # libxml2's HTML parser reads no DTD and resolves no external entity; no_network
    # forbids any fetch all the same. huge_tree lifts the size limits, not the safety.
    parser = lxml.html.HTMLParser(
        encoding="utf-8",
        no_network=True,
        remove_comments=True,
        remove_pis=True,
        huge_tree=True,
        collect_ids=False,
        default_doctype=False,
    )
    # Every element an HtmlElement (what trafilatura accepts) through a lookup done in C:
    # lxml.html's own lookup calls Python for each element, a fifth of our walk's time.
    parser.set_element_class_lookup(
        lxml.etree.ElementDefaultClassLookup(
            element=lxml.html.HtmlElement,
            comment=lxml.html.HtmlComment,
            pi=lxml.html.HtmlProcessingInstruction,
            entity=lxml.html.HtmlEntity,
        )
    )
    return parser


# Bytes of the control characters XML (hence libxml2) refuses; trafilatura strips the
# same ones (with U+FFFE, U+FFFF and lone surrogates) before it parses.
_CONTROL_BYTES = bytes(b for b in range(32) if b not in (9, 10, 13))


def parse(html: str) -> lxml.html.HtmlElement | None:
    """The page's tree (an <html> root), or None for a page without any markup or text.

    libxml2 stops at nesting depth 2,048 (`LIBXML2_MAX_DEPTH`, even with huge_tree) and
    keeps the tree it has: everything after the nest would be lost. When it stopped
    there, the page is parsed again with the tags deeper than `FLAT_DEPTH` left out
    (`flatten`): the text of the whole page is kept, the deep part without its innermost
    elements. A page that never reaches the limit is parsed exactly once, as it is.
    """
    if not html.strip():
        return None
    if not html.isascii() and ("\ufffe" in html or "\uffff" in html):
        html = html.replace("\ufffe", "").replace("\uffff", "")
    try:
        data = html.encode("utf-8")
    except UnicodeEncodeError:  # lone surrogates
        data = html.encode("utf-8", "ignore")
    data = data.translate(None, _CONTROL_BYTES)  # a C loop: cheaper than searching first
    root, too_deep = _parse_bytes(data)
    # At most two more parses: the tags beyond FLAT_DEPTH by the pre-pass's model of the
    # open elements, then (should the model and libxml2 disagree) every start tag after
    # the first FLAT_DEPTH, which bounds the depth whatever libxml2 closes or keeps open.
    for monotone in (False, True):
        if not too_deep:
            break
        flat = flatten(data, nesting.FLAT_DEPTH, monotone=monotone)
        if flat is None:  # the model saw no nest that deep: on to the fallback
            continue
        again, too_deep = _parse_bytes(flat)
        if again is not None:
            root = again
    return root


def _parse_bytes(data: bytes) -> tuple[lxml.html.HtmlElement | None, bool]:
    """The tree, and whether libxml2 stopped at its depth limit."""
    parser = _parser()
    try:
        root = lxml.html.document_fromstring(data, parser=parser)
    except (lxml.etree.ParserError, ValueError):
        return None, False
    # libxml2 halts at the limit: the depth error is the last one it reports.
    error = parser.error_log.last_error
    too_deep = error is not None and (
        error.type == lxml.etree.ErrorTypes.ERR_RESOURCE_LIMIT or "depth" in (error.message or "").lower()
    )
    return root, too_deep


# --- segmentation -----------------------------------------------------------------

#: Elements whose text a reader never sees as body text: skipped with their subtree.
DROP_TAGS = frozenset(
    "script style noscript template svg math iframe frame frameset object embed canvas "
    "video audio map head input select option optgroup datalist textarea button output "
    "progress meter dialog".split()
)


def flatten(data: bytes, depth: int, monotone: bool = False) -> bytes | None:
    """`cleaner.nesting.flatten`, the never-rendered elements being DROP_TAGS."""
    return nesting.flatten(data, depth, DROP_TAGS, monotone)


#: Elements that start a new block: their text is a segment of its own.
BLOCK_TAGS = frozenset(
    "address article aside blockquote body caption center dd details dir div dl dt fieldset "
    "figcaption figure footer form h1 h2 h3 h4 h5 h6 header hgroup hr html legend li main "
    "menu nav ol p pre section summary table tbody tfoot thead tr td th ul".split()
)
#: Ancestors worth knowing about, by tag.
CONTEXT_TAGS = {
    "nav": "nav", "header": "header", "footer": "footer", "aside": "aside", "figure": "figure",
    "figcaption": "figcaption", "form": "form", "li": "li", "article": "article",
    "main": "main", "menu": "menu", "table": "table", "blockquote": "blockquote", "label": "form",
    "address": "author",
}
#: ARIA landmark roles, by role.
CONTEXT_ROLES = {
    "navigation": "nav", "banner": "header", "contentinfo": "footer", "complementary": "aside",
    "main": "main", "article": "article", "menu": "menu", "menubar": "menu", "search": "form",
    "dialog": "dialog", "alertdialog": "dialog",
}
# Class and id values name what a container holds. A stem matches the start of a word
# of the value, or of two words run together ("relatedPosts", "read-more"; hyphens and
# underscores are ignored); short words must be whole words ("nav" but not "canvas").
_CLASS_STEMS = (
    ("comment", "comment"), ("disqus", "comment"), ("respond", "comment"),
    ("share", "share"), ("sharing", "share"), ("social", "share"), ("sociable", "share"),
    ("related", "related"), ("recommend", "related"), ("more-stories", "related"),
    ("read-more", "related"), ("read-next", "related"), ("popular", "related"),
    ("trending", "related"), ("most-read", "related"), ("teaser", "related"), ("you-may", "related"),
    ("newsletter", "newsletter"), ("subscri", "newsletter"), ("sign-up", "newsletter"),
    ("cookie", "cookie"), ("consent", "cookie"), ("gdpr", "cookie"),
    ("side-bar", "sidebar"),
    ("menu", "menu"), ("navbar", "menu"), ("navigation", "menu"),
    ("breadcrumb", "breadcrumb"),
    ("byline", "byline"), ("dateline", "byline"),
    ("author", "author"),
    ("caption", "caption"), ("image", "figure"), ("photo", "figure"), ("picture", "figure"),
    ("advert", "ad"), ("sponsor", "ad"), ("promo", "ad"), ("donat", "ad"),
    ("keywords", "tags"),
    ("widget", "widget"),
    ("sr-only", "hidden"), ("visually-hidden", "hidden"), ("screen-reader", "hidden"),
    ("offscreen", "hidden"), ("articlebody", "article"),
    ("article-body", "article"), ("article-content", "article"), ("article-text", "article"),
    ("post-body", "article"), ("post-content", "article"), ("entry-content", "article"),
    ("story-body", "article"),
)
_CLASS_WORDS = {
    "nav": "menu", "rail": "sidebar", "ad": "ad", "ads": "ad", "dfp": "ad", "credit": "caption",
    "credits": "caption", "tags": "tags", "tag": "tags",
    "topics": "tags", "hidden": "hidden",
}
# Words of a class value, camel case split too ("InlineDonationPromo": inline, donation, promo).
_CLASS_WORD = re.compile(r"[A-Z]?[a-z0-9]+|[A-Z]+(?![a-z])")
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden")


def _stem_index() -> dict[str, tuple[tuple[str, str], ...]]:
    index: dict[str, list[tuple[str, str]]] = {}
    for stem, name in _CLASS_STEMS:
        stem = stem.replace("-", "").replace("_", "")
        index.setdefault(stem[:3], []).append((stem, name))
    return {k: tuple(v) for k, v in index.items()}


_STEMS_BY_PREFIX = _stem_index()


@lru_cache(maxsize=8192)
def class_context(value: str) -> frozenset[str]:
    """Context tokens named by class/id values (a pure function: caching cannot change a result).

    The value is cut into words of letters and digits; a stem matches at the start of a
    word or of two words run together ("relatedPosts", "read-more", "article__body"),
    a short word only as a whole word.
    """
    words = [word.lower() for word in _CLASS_WORD.findall(value)]
    found = set()
    for i, word in enumerate(words):
        name = _CLASS_WORDS.get(word)
        if name is not None:
            found.add(name)
        stems = _STEMS_BY_PREFIX.get(word[:3])
        if stems:
            pair = word + words[i + 1] if i + 1 < len(words) else word
            for stem, name in stems:
                if pair.startswith(stem):
                    found.add(name)
    return frozenset(found)


def _flush(
    out: list[Segment], pieces: list[str], links: int, tag: str, context: frozenset[str], first: int, last: int
) -> None:
    """Append the segment of the open block's gathered text (if any is visible) and empty `pieces`."""
    raw = "".join(pieces)
    pieces.clear()
    text = " ".join(raw.split())
    if not text:
        return
    chars = len(text) - text.count(" ")
    density = min(links / chars, 1.0) if chars > 0 else 0.0
    # _BULLET needs a space within the first five characters: most blocks skip the regex.
    bullet = tag == "li" or (" " in text[1:5] and _BULLET.match(text) is not None)
    # tuple.__new__ with every field: what Segment(...) does, without its Python-level __new__.
    out.append(tuple.__new__(Segment, (text, first, max(last, first), bullet, tag, context, density)))


def _visible_chars(text: str) -> int:
    return len(text) - text.count(" ") - text.count("\n") - text.count("\t") - text.count("\r")


def _title(root: lxml.html.HtmlElement) -> Segment | None:
    """The page title: og:title, else <title>, else the first <h1>."""
    for meta in root.iter("meta"):
        if (meta.get("property") or meta.get("name") or "").lower() == "og:title":
            text = normalise(meta.get("content") or "")
            if text:
                line = meta.sourceline or 1
                return Segment(text, line, line, False, "title", frozenset({"title"}))
    for tag in ("title", "h1"):
        el = next(root.iter(tag), None)
        if el is not None:
            text = normalise(el.text_content())
            if text:
                line = el.sourceline or 1
                return Segment(text, line, line, False, "title", frozenset({"title"}))
    return None


_INLINE, _BLOCK, _LINK, _SKIP, _MENU = 0, 1, 2, 3, 4
_HIDDEN = frozenset({"hidden"})
#: In the context of a <nav> or <footer> made one block: never the article.
_WHOLE = frozenset({"whole"})
_NOTED_ATTRIBUTES = frozenset({"class", "id", "role", "itemprop", "hidden", "aria-hidden", "style"})
_ARTICLE_PROPS = frozenset({"articlebody", "text", "reviewbody"})


#: A <nav> or <footer> is one block if it holds fewer characters than this, or if at
#: least this share of them are in links; else (a page wrapped in one) it is walked
#: block by block like any other part of the page.
MENU_MAX_CHARS = 2000
MENU_MIN_LINK_DENSITY = 0.5


def _is_menu(el: lxml.html.HtmlElement) -> bool:
    """Whether a <nav> or <footer> is small or link-heavy enough to be one block."""
    chars = len(el.text_content())  # in C; scripts included, an overestimate
    if chars < MENU_MAX_CHARS:
        return True
    links = sum(len(a.text_content()) for a in el.iter("a"))
    return links >= MENU_MIN_LINK_DENSITY * chars


@dataclass
class Shape:
    """How deep the walked tree goes: what decides whether trafilatura may read it."""

    depth: int = 0  # elements on the longest path from the root, the root included
    tables: int = 0  # tables on the longest chain of tables nested in one another
    #: Skipped elements (DROP_TAGS) with children, and their depth: their subtrees
    #: were not walked, and trafilatura reads some of them (<template>'s content).
    unseen: list[tuple[lxml.html.HtmlElement, int]] = field(default_factory=list)


def walk(root: lxml.html.HtmlElement) -> tuple[list[Segment], Shape]:
    """One Segment per run of block text, in document order, and the tree's `Shape`.

    Iterative (lxml's iterwalk with an explicit stack), so any depth is safe. Text
    directly inside a block element, up to a nested block or a <br>, makes one segment;
    an inline element's text joins the block it sits in; a tail joins the parent block.
    A <nav> or a <footer> (or role=navigation, role=contentinfo) is one block however
    many items it lists: its items are words of one menu, and the classifier's time is
    better spent elsewhere. Each open
    element's stack entry keeps the context to restore when it closes.

    Only the innermost open block ever holds gathered text (opening a nested block
    flushes its parent's), so that block's state lives in locals (`pieces`, `links`,
    `first`, `block_tag`, `block_context`, `last`) and each enclosing block waits on
    `blocks` as (tag, context, line of its last text): no object per block.
    """
    out: list[Segment] = []
    shape = Shape()
    deepest = tables = most_tables = 0
    block_tag, first, last = "html", 1, 1
    block_context: frozenset[str] = frozenset()
    pieces: list[str] = []
    add = pieces.append
    links = 0  # visible characters of `pieces` in links
    blocks: list[tuple[str, frozenset[str], int]] = []  # the enclosing blocks' state
    stack: list[tuple[int, frozenset[str]]] = []  # per open element: (kind, parent's context)
    context: frozenset[str] = frozenset()
    in_link = 0
    menu = False  # inside a <nav> or <footer> that is one block
    drop, block_tags, context_tags, roles = DROP_TAGS, BLOCK_TAGS, CONTEXT_TAGS, CONTEXT_ROLES
    noted = _NOTED_ATTRIBUTES
    walker = lxml.etree.iterwalk(root, events=("start", "end"))
    skip = walker.skip_subtree
    push, pop = stack.append, stack.pop
    for event, el in walker:
        if event == "start":
            tag = el.tag
            if len(stack) >= deepest:
                deepest = len(stack) + 1
            if tag.__class__ is not str or tag in drop:
                if len(el):
                    shape.unseen.append((el, len(stack) + 1))
                push((_SKIP, context))
                skip()
                continue
            if tag == "table":
                tables += 1
                if tables > most_tables:
                    most_tables = tables
            parent_context = context
            # Inside a menu made one block, the context is never read (the menu's block has
            # its own, and the menu's is restored when it closes): its attributes are skipped.
            if not menu:
                items = el.items()
                if items:
                    names = None
                    for key, value in items:
                        if key not in noted:
                            continue
                        if key == "class" or key == "id":
                            names = value if names is None else f"{names} {value}"
                        elif key == "role":
                            extra = roles.get(value.lower())
                            if extra is not None and extra not in context:
                                context = context | {extra}
                        elif key == "itemprop":
                            if value.lower() in _ARTICLE_PROPS and "article" not in context:
                                context = context | {"article"}
                        elif key == "hidden" or (key == "aria-hidden" and value == "true"):
                            context = context | _HIDDEN
                        elif key == "style" and ("none" in value or "hidden" in value):
                            if _HIDDEN_STYLE.search(value.lower()):
                                context = context | _HIDDEN
                    if names:
                        own = class_context(names)
                        if own and not own <= context:
                            context = context | own
                name = context_tags.get(tag)
                if name is not None and name not in context:
                    context = context | {name}
            if tag in block_tags:
                if menu:  # inside a menu: its items are words of one block
                    if pieces:
                        add(" ")
                    push((_INLINE, parent_context))
                else:
                    if pieces:
                        _flush(out, pieces, links, block_tag, block_context, first, last)
                        links = 0
                    blocks.append((block_tag, block_context, last))
                    block_tag = tag
                    block_context = context | {"a"} if in_link else context
                    last = el.sourceline or last
                    if ("nav" in context or "footer" in context) and _is_menu(el):
                        menu = True  # a menu or a footer is one block
                        block_context = block_context | _WHOLE
                        push((_MENU, parent_context))
                    else:
                        push((_BLOCK, parent_context))
            elif tag == "a":
                in_link += 1
                push((_LINK, parent_context))
            else:
                if tag == "br" and pieces:
                    if menu:
                        add(" ")
                    else:
                        _flush(out, pieces, links, block_tag, block_context, first, last)
                        links = 0
                push((_INLINE, parent_context))
            text = el.text
            if text and (pieces or not text.isspace()):
                line = el.sourceline or last
                if not pieces:
                    first = line
                last = line
                add(text)
                if in_link:
                    links += _visible_chars(text)
        else:
            kind, context = pop()
            if tables and el.tag == "table":
                tables -= 1
            if kind == _BLOCK or kind == _MENU:
                if pieces:
                    _flush(out, pieces, links, block_tag, block_context, first, last)
                    links = 0
                block_tag, block_context, last = blocks.pop()
                if kind == _MENU:
                    menu = False
            elif menu and kind == _INLINE and el.tag in block_tags and pieces:
                add(" ")
            elif kind == _LINK:
                in_link -= 1
            tail = el.tail
            if tail and (pieces or not tail.isspace()):
                if not pieces:
                    first = last
                add(tail)
                if in_link:
                    links += _visible_chars(tail)
    if pieces:
        _flush(out, pieces, links, block_tag, block_context, first, last)
    shape.depth, shape.tables = deepest, most_tables
    return out, shape


def segments(html: str) -> list[Segment]:
    """The page's blocks, its title first when it has one."""
    root = parse(html)
    if root is None:
        return []
    return _segments(root)[0]


def _segments(root: lxml.html.HtmlElement) -> tuple[list[Segment], Shape]:
    title = _title(root)
    body, shape = walk(root)
    return ([title] if title is not None else []) + body, shape


# --- trees trafilatura is not given -----------------------------------------------------
# trafilatura's time grows faster than the page on some trees. Past these bounds cleaner
# does without its evidence (the classifier and the markup hints decide alone), so that
# HTML mode stays linear (benchmarks/linear.py). No development page comes near them.

#: Deeper than this many elements (the root included): some of trafilatura's passes visit
#: the descendants or the ancestors of every element, so its time grows as the depth times
#: the size (a 1,000-deep nest of <div><p> or <ul><li> takes it a second or more; libxml2
#: allows 2,047). The development pages are at most 51 deep.
MAX_TRAFILATURA_DEPTH = 256
#: More tables than this nested in one another: each table searches the tables inside it,
#: and the recovery pass gathers every element of every table inside a table, so the time
#: grows as the cube of the nesting (2,000 nested tables in 14 KB took 26 s). The
#: development pages nest at most 3.
MAX_TRAFILATURA_TABLES = 32
#: More text nodes than this in paragraphs (counted as the <p> and two per element in it):
#: trafilatura's `//p//text()` query merges the text nodes of each paragraph into the
#: result with a linear duplicate check, quadratic in their number: 0.04 s for the 7,600 of
#: a 2 MB page, 5.8 s for the 76,000 of a 20 MB one; 20,000 take about 0.4 s, the rest of
#: trafilatura's work on such a page three times that. The development pages have at most 435.
MAX_TRAFILATURA_PARAGRAPH_TEXTS = 20_000


@lru_cache(maxsize=None)
def _child_chain(steps: int) -> lxml.etree.XPath:
    """An XPath true when an element is `steps` levels below the context node.

    Child steps only: libxml2 merges their node sets without a duplicate check (children
    of distinct parents are distinct), so it reads each element of the subtree once.
    """
    return lxml.etree.XPath("boolean(" + "/".join(["*"] * steps) + ")")


_NESTED_TABLES = lxml.etree.XPath(
    f"boolean(descendant-or-self::table[count(ancestor::table) >= {MAX_TRAFILATURA_TABLES}])"
)


def trafilatura_refusal(root: lxml.html.HtmlElement, shape: Shape) -> str | None:
    """Why trafilatura must not be given this tree (see the bounds above), or None.

    Linear: the walk measured its depth and nesting of tables; the subtrees it skipped
    are measured here in C (child steps; ancestors only within the depth bound), and the
    paragraphs' text nodes are counted until the bound is passed.
    """
    if shape.depth > MAX_TRAFILATURA_DEPTH:
        return f"nested {shape.depth} elements deep"
    if shape.tables > MAX_TRAFILATURA_TABLES:
        return f"{shape.tables} tables nested"
    deleted = _deleted_by_trafilatura()
    for el, depth in shape.unseen:
        if el.tag in deleted:
            continue
        if _child_chain(MAX_TRAFILATURA_DEPTH - depth + 1)(el):
            return f"nested more than {MAX_TRAFILATURA_DEPTH} elements deep"
        if _NESTED_TABLES(el):
            return f"more than {MAX_TRAFILATURA_TABLES} tables nested"
    texts = 0
    for p in root.iter("p"):
        texts += 1
        if len(p):
            texts += 2 * sum(1 for _ in p.iterdescendants())
            if texts > MAX_TRAFILATURA_PARAGRAPH_TEXTS:
                return f"more than {MAX_TRAFILATURA_PARAGRAPH_TEXTS:,} text nodes in paragraphs"
    if texts > MAX_TRAFILATURA_PARAGRAPH_TEXTS:
        return f"more than {MAX_TRAFILATURA_PARAGRAPH_TEXTS:,} text nodes in paragraphs"
    return None


@lru_cache(maxsize=1)
def _deleted_by_trafilatura() -> frozenset[str]:
    """Elements whose subtrees trafilatura deletes before its slow passes (its own list)."""
    try:
        from trafilatura.settings import MANUALLY_CLEANED
    except ImportError:  # another version: measure every skipped subtree
        return frozenset(_PRUNED)
    return frozenset(MANUALLY_CLEANED) | frozenset(_PRUNED)


# --- trafilatura ------------------------------------------------------------------


#: Run trafilatura without its comparison against its readability and jusText ports
#: (fast=True): our own classifier plays that part, and the comparison is a third of
#: trafilatura's time.
TRAFILATURA_FAST = True


#: Elements trafilatura deletes before it reads the page (in its MANUALLY_CLEANED list,
#: and for <footer> in its basic cleaning too).
_PRUNED = ("script", "style", "noscript", "iframe", "object", "embed", "footer")
#: Elements of <head> that only trafilatura's metadata and language checks read (neither
#: runs here: no with_metadata, no target_language), and that it deletes with <head>.
_HEAD_METADATA = ("meta", "link")


def _drop_code(root: lxml.html.HtmlElement) -> None:
    """Remove scripts (JSON-LD excepted), style sheets, <noscript>, embeds and footers,
    and the <meta> and <link> elements of <head>.

    trafilatura deletes all of them itself before it reads the page, but only after
    copying the tree two or three times and running its first pruning queries over it:
    dropping them first makes that work cheaper and changes nothing it extracts (checked
    on every page of both development benchmarks). JSON-LD stays: trafilatura reads
    articleBody and forum markers there.
    """
    dead = [
        el
        for el in root.iter(*_PRUNED)
        if el.tag != "script" or (el.get("type") or "").strip().lower() != "application/ld+json"
    ]
    for el in dead:
        if el.getparent() is not None:
            el.drop_tree()
    head = root.find("head")
    if head is not None:
        # In C, tails kept: the text of the tree is unchanged.
        lxml.etree.strip_elements(head, *_HEAD_METADATA, with_tail=False)


def trafilatura_lines(root: lxml.html.HtmlElement, fast: bool = TRAFILATURA_FAST) -> list[str]:
    """The lines of trafilatura's extraction from this tree (comments excluded).

    deduplicate=False: trafilatura then never reads or writes its process-wide LRU
    cache (deduplication.LRU_TEST), so its output depends on this page alone. Its other
    caches (functools.lru_cache on pure string functions) cannot change a result.
    trafilatura copies the tree before cleaning it, so `root` is left as it was.
    """
    import trafilatura

    try:
        text = trafilatura.extract(root, fast=fast, include_comments=False, deduplicate=False)
    except (RecursionError, ValueError, TypeError, MemoryError):  # a pathological tree: no evidence
        return []
    return [line for line in (normalise(x) for x in (text or "").splitlines()) if line]


def _key(text: str) -> str:
    """Text as trafilatura prints it (NFC), for comparison."""
    return unicodedata.normalize("NFC", text) if not text.isascii() else text


_TRAFILATURA = frozenset({"trafilatura"})
#: A segment shorter than this is only "in the extraction" when it is a whole line of it.
MIN_SUBSTRING_CHARS = 40
#: Blocks are searched for inside the extraction's text only while it is at most this long.
MAX_SEARCH_CHARS = 100_000


def mark(segs: list[Segment], lines: list[str]) -> list[Segment]:
    """Add "trafilatura" to the context of every segment found in trafilatura's lines."""
    if not lines:
        return segs
    whole = set(lines)
    for line in lines:
        if line.startswith("- "):  # a list item, as trafilatura prints it
            whole.add(line[2:])
        elif "|" in line:  # a table row: "| cell | cell |"
            whole.update(cell for cell in (c.strip() for c in line.split("|")) if cell)
    # trafilatura keeps some line breaks of the source inside a paragraph: a long block
    # may span several of its lines.
    joined = " ".join(lines)
    # Searching the extraction for every block is quadratic on a huge page: past a size,
    # only whole lines count (a bound on the work per block keeps the pass linear).
    search = len(joined) <= MAX_SEARCH_CHARS
    out = []
    for s in segs:
        key = _key(s.text)
        if key in whole or (search and len(key) >= MIN_SUBSTRING_CHARS and key in joined):
            s = Segment(s.text, s.first_line, s.last_line, s.bullet, s.tag, s.context | _TRAFILATURA, s.link_density)
        out.append(s)
    return out


# --- markup hints on the verdicts ---------------------------------------------------

#: trafilatura's extraction is evidence only when it holds at least this many characters.
MIN_EVIDENCE_CHARS = 200


@dataclass(frozen=True)
class Evidence:
    """What trafilatura's extraction says about the page as a whole."""

    chars: int  # characters in the extraction

    @classmethod
    def of(cls, lines: list[str], segs: list[Segment] | None = None) -> Evidence:
        return cls(sum(len(line) for line in lines))

    @property
    def usable(self) -> bool:
        return self.chars >= MIN_EVIDENCE_CHARS


NO_EVIDENCE = Evidence(0)

#: A paragraph at most this many blocks under the <h1>, before the extraction, may be the
#: standfirst: in the article's <header>, it is not page furniture.
LEAD_GAP = 4
_HEADER = frozenset({"header"})
#: Ancestors whose text is never the article: (context token, label, reason).
NOISE_CONTAINERS = (
    ("nav", Label.NAVIGATION, "inside <nav>"),
    ("footer", Label.FOOTER, "inside <footer>"),
    ("aside", Label.WIDGET, "inside <aside>"),
    ("figcaption", Label.CAPTION, "a figure caption (<figcaption>)"),
)
#: A block with at least this share of its characters in links is a link list...
MAX_LINK_DENSITY = 0.5
#: ...unless it is at least this many words long.
LINK_LIST_MAX_WORDS = 25
#: A block in trafilatura's extraction weighs this much more than its words (per word).
IN_BONUS = 1.0
IN_FLOOR = 3.0
#: Prose outside the extraction but between its first and last block keeps this share...
OUT_INSIDE_SHARE = 0.5
#: ...and prose before or after it this share, minus this penalty per word.
OUT_SHARE = 0.5
OUT_PENALTY = 0.5


def _noise(words: int, label: Label, reason: str) -> Verdict:
    return Verdict(Kind.NOISE, label, reason, -(words + NOISE_PENALTY))


_CONTAINER_TOKENS = frozenset(token for token, _, _ in NOISE_CONTAINERS)


def _container_noise(s: Segment, words: int, ignore: frozenset[str]) -> Verdict | None:
    c = s.context - ignore if ignore else s.context
    for token, label, reason in NOISE_CONTAINERS:
        if token in c:
            return _noise(words, label, reason)
    return None


#: Context tokens that mark a block outside trafilatura's extraction as page furniture
#: (a caption, a teaser in a list, a widget) rather than article text it missed.
FURNITURE = frozenset(
    "figure figcaption caption li a aside nav header footer menu hidden related newsletter share "
    "cookie sidebar comment widget ad author byline breadcrumb tags form dialog".split()
)
#: Negative weights between the extraction's first and last block count this share.
SPAN_NEGATIVE_SHARE = 0.25


#: A context token held by at least this share of the extraction's words wraps the
#: article itself ("widget" on the page's main column), so it says nothing on this page.
UBIQUITOUS_SHARE = 0.5


def _ubiquitous(segs: list[Segment], inside: list[bool]) -> frozenset[str]:
    counts: dict[str, int] = {}
    total = 0
    for s, yes in zip(segs, inside):
        if yes:
            words = len(s.text.split())
            total += words
            for token in s.context:
                counts[token] = counts.get(token, 0) + words
    return frozenset(t for t, n in counts.items() if n >= UBIQUITOUS_SHARE * total)


def _furniture(s: Segment, ignore: frozenset[str]) -> str | None:
    """Why a block outside the extraction looks like page furniture, or None."""
    found = (s.context & FURNITURE) - ignore
    if found:
        return min(found)
    if s.link_density > 0.2:
        return f"link density {s.link_density:.1f}"
    return None


#: Blocks of the extraction more than this many blocks apart form separate groups.
GROUP_GAP = 10


def _stretch(segs: list[Segment], verdicts: list[Verdict], inside: list[bool]) -> tuple[int, int]:
    """First and last block of the extraction's stretch; (len, -1) when there is none.

    A group of extracted blocks at either end without any prose (a headline repeated
    in the page header, a short line in the footer) is left out of the stretch.
    """
    groups: list[list[int]] = []  # [first, last, blocks of prose]
    for i, yes in enumerate(inside):
        if not yes:
            continue
        prose = verdicts[i].kind is Kind.PROSE
        if groups and i - groups[-1][1] <= GROUP_GAP:
            groups[-1][1] = i
            groups[-1][2] += prose
        else:
            groups.append([i, i, int(prose)])
    if not groups:
        return len(segs), -1
    lo, hi = 0, len(groups) - 1
    while lo < hi and not groups[lo][2]:
        lo += 1
    while hi > lo and not groups[hi][2]:
        hi -= 1
    return groups[lo][0], groups[hi][1]


def adjust(segs: list[Segment], verdicts: list[Verdict], evidence: Evidence = NO_EVIDENCE) -> list[Verdict]:
    """Revise each verdict on a block's text with what the markup says about the block.

    Markup noise (inside <nav>, <aside>, a <figcaption>, an <h1> headline, a link list)
    becomes NOISE. With usable evidence from trafilatura, blocks in its extraction count
    for the article whatever their length (a short line in it is a sentence of the
    article: a heading, a list item, a table cell), and the stretch from its first to
    its last block holds together; prose it left out counts less, and is noise when the
    markup says it is page furniture (a caption, a teaser in a list, a widget); a short
    line it left out is noise (a byline, a date, a button).
    """
    use = evidence.usable
    inside = [use and "trafilatura" in s.context and s.tag != "title" for s in segs]
    first, last = _stretch(segs, verdicts, inside)
    title = next((s.text for s in segs if s.tag == "title"), None)
    ignore = _ubiquitous(segs, inside) if use else frozenset()
    # The article goes on after a noise heading only where a block of the extraction follows
    # something other than a link: one under a teaser's link is that teaser's summary.
    continued = max(
        (i for i in range(1, len(segs)) if inside[i] and segs[i - 1].link_density < MAX_LINK_DENSITY), default=-1
    )
    goes_on = min(last, continued)  # the article goes on after a block before this one
    # The standfirst often sits in the article's <header>, under the <h1>, where trafilatura
    # leaves it out: "header" there is not page furniture.
    headline = -LEAD_GAP - 1
    out = []
    for i, (s, v) in enumerate(zip(segs, verdicts)):
        if s.tag == "h1":
            headline = i
        lead = i - headline <= LEAD_GAP and i < first
        v = _adjust_one(
            i, s, v, inside[i], first <= i <= last, i < goes_on, title, use, ignore | _HEADER if lead else ignore
        )
        if v.credit:
            # revise drops the line above a credit line as the photo's text; in HTML the
            # markup already says where captions are.
            v = v._replace(credit=False)
        if use and v.weight < 0 and first <= i <= last:
            v = v._replace(weight=v.weight * SPAN_NEGATIVE_SHARE)
        out.append(v)
    return out


def _adjust_one(
    i: int,
    s: Segment,
    v: Verdict,
    inside: bool,
    in_stretch: bool,
    more_after: bool,
    title: str | None,
    use: bool,
    ignore: frozenset[str],
) -> Verdict:
    words = s.text.count(" ") + 1
    if s.tag == "title":  # the page's <title>: the title or nothing, never a paragraph
        return Verdict(Kind.LINE, Label.SHORT, "the page's <title>", -float(words))  # segment text is normalised: one space between words
    if "whole" in s.context:  # a whole menu or footer as one block: its items run together
        if "nav" in s.context:
            return _noise(words, Label.NAVIGATION, "inside <nav> (the whole menu as one block)")
        return _noise(words, Label.FOOTER, "inside <footer> (the whole footer as one block)")
    if s.context & _CONTAINER_TOKENS:
        container = _container_noise(s, words, ignore)
        if container is not None:
            return container
    if s.tag == "h1" and v.kind is not Kind.NOISE:
        # A short line, not noise: revise takes it for the title where it repeats the <title>.
        # (Pages that set every heading in <h1> have "Most Popular" in one too: noise.)
        return Verdict(Kind.LINE, Label.TITLE, "the headline (<h1>)", -float(words))
    kind = v.kind
    if kind is Kind.NOISE:
        if (v.stop or v.label in SECTION_LABELS) and more_after and use and v.label not in FIRM_STOPS:
            # A noise heading ("Advertisement", "Comments") with more of the extraction
            # after it: what follows is the article's, not the heading's list. (Not after a
            # paywall notice: trafilatura takes the sign-up pitch under it for the article.)
            return v._replace(label=Label.BOILERPLATE, stop=False)
        return v
    if s.link_density >= MAX_LINK_DENSITY and words < LINK_LIST_MAX_WORDS:
        return _noise(words, Label.NAVIGATION, f"link density {s.link_density:.1f}")
    if not use:
        return v
    if inside:
        if kind is Kind.LINE and title is not None and s.text in title:
            return v  # the headline: revise knows it repeats the title
        weight = max(v.weight, 0.0) + max(IN_BONUS * words, IN_FLOOR)
        reason = v.reason if kind is not Kind.LINE else "a short line"
        new_kind = Kind.PROSE if kind is Kind.PROSE else Kind.SENTENCE
        return Verdict(new_kind, Label.BODY, f"{reason}, in trafilatura's extraction", weight)
    if kind is Kind.PROSE or kind is Kind.SENTENCE:
        why = _furniture(s, ignore)
        if why is not None:
            label = Label.CAPTION if why in ("figure", "figcaption", "caption") else Label.BOILERPLATE
            return Verdict(Kind.NOISE, label, f"{v.reason} outside trafilatura's extraction, {why}", -float(words))
        if in_stretch:
            return v._replace(weight=v.weight * OUT_INSIDE_SHARE)
        return v._replace(weight=v.weight * OUT_SHARE - OUT_PENALTY * words)
    # trafilatura keeps the article's headings: a short line it left out is a byline,
    # a caption, a date or a button, not a heading of the article.
    return Verdict(Kind.NOISE, v.label, f"{v.reason}, outside trafilatura's extraction", v.weight, False)


def without_stray_title(blocks: list[Block], segs: list[Segment]) -> list[Block]:
    """The blocks, the page's <title> dropped unless it is the title: it is not part of
    the visible page, so it can never be a paragraph."""
    return [
        replace(b, label=Label.SHORT, kept=False, reason="the page's <title>, not read as its title")
        if b.kept and b.label is not Label.TITLE and s.tag == "title"
        else b
        for b, s in zip(blocks, segs)
    ]


def analyse(html: str) -> tuple[list[Segment], Callable[[list[Segment], list[Verdict]], list[Verdict]]]:
    """The page's segments, marked with trafilatura's extraction, and the hints for `run`."""
    root = parse(html)
    if root is None:
        return [], partial(adjust, evidence=NO_EVIDENCE)
    segs, shape = _segments(root)
    if not segs or trafilatura_refusal(root, shape) is not None:
        return segs, partial(adjust, evidence=NO_EVIDENCE)
    _drop_code(root)
    lines = trafilatura_lines(root)
    marked = mark(segs, lines)
    if TRAFILATURA_FAST and _missed_prose(marked):
        lines = trafilatura_lines(root, fast=False)
        marked = mark(segs, lines)
    return marked, partial(adjust, evidence=Evidence.of(lines, marked))


#: A block of at least this many words is prose whatever else it is.
LONG_WORDS = 25
#: The fast extraction missed the article when the long blocks it left out hold at least
#: this many characters and this many times those of the long blocks it kept.
MISSED_CHARS = 1000
MISSED_RATIO = 4


def _missed_prose(segs: list[Segment]) -> bool:
    """Whether trafilatura's fast extraction left out most of the page's long prose.

    Then it is run again with its comparison against its readability and jusText ports
    (its recall fallbacks), as trafilatura itself retries a short extraction: about 2 %
    of the development pages.
    """
    kept = missed = 0
    for s in segs:
        if s.text.count(" ") + 1 >= LONG_WORDS and s.tag != "title":
            if "trafilatura" in s.context:
                kept += len(s.text)
            else:
                missed += len(s.text)
    return missed >= MISSED_CHARS and missed > MISSED_RATIO * kept
