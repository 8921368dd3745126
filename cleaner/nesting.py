"""Deep nests: a linear pre-pass that leaves out the tags beyond a safe depth.

libxml2 stops parsing at nesting depth 2,048 and the rest of the page would be lost;
`cleaner.html.parse` parses such a page again from `flatten`'s copy.
"""

from __future__ import annotations

import re

#: libxml2's HTML parser stops at this nesting depth, huge_tree or not.
LIBXML2_MAX_DEPTH = 2048
#: A page that reached LIBXML2_MAX_DEPTH is parsed again with its start tags deeper than
#: this (and their end tags) left out: well under the limit, with room for <html>, <body>,
#: the elements libxml2 adds, and the never-rendered elements kept beyond it (see flatten).
FLAT_DEPTH = 1000
#: In the fallback (see flatten), at most this many never-rendered elements are kept
#: beyond FLAT_DEPTH: FLAT_DEPTH + FLAT_HIDDEN_BUDGET stays under LIBXML2_MAX_DEPTH.
FLAT_HIDDEN_BUDGET = 500

# libxml2's empty elements: never opened, never counted.
_VOID = frozenset(
    b"area base basefont br col embed frame hr img input link meta param source track wbr".split()
)
# Elements whose content is text up to their end tag (raw text and RCDATA; <plaintext>
# to the end of the page): their tags are always kept, their content never read as tags.
_RAW = frozenset(b"script style xmp iframe noembed noframes textarea title".split())
# libxml2 merges a second <html>, <head> or <body> into the first: never counted.
_ROOTS = frozenset(b"html head body".split())
# Every pattern below is a character class, a fixed string, or one of them repeated:
# each match moves forward through the page and none can backtrack, so the pass is linear.
_TAG_OPEN = re.compile(rb"<(/?)([A-Za-z][^\t\n\x0c\r />]*)")
_SKIP_SPACE_SLASH = re.compile(rb"[\t\n\x0c\r /]*")
_SKIP_SPACE = re.compile(rb"[\t\n\x0c\r ]*")
_NAME_REST = re.compile(rb"[^\t\n\x0c\r />=]*")
_UNQUOTED = re.compile(rb"[^\t\n\x0c\r >]*")
_COMMENT_END = re.compile(rb"--!?>")
_RAW_END = {name: re.compile(rb"</" + name + rb"[\t\n\x0c\r />]", re.IGNORECASE) for name in _RAW}

_KEPT, _DROPPED, _KEPT_HIDDEN = 0, 1, 2


def _past(pattern: re.Pattern[bytes], data: bytes, pos: int) -> int:
    """Where a run of `pattern` starting at `pos` ends (each of these patterns may match the
    empty string, so .match() never gives None)."""
    found = pattern.match(data, pos)
    assert found is not None
    return found.end()


def _tag_end(data: bytes, pos: int) -> tuple[int, bool]:
    """Where the tag whose attributes start at `pos` ends (after its ">"), and whether it
    closes itself ("/>"); (-1, False) when the page ends inside the tag.

    The attribute states of the HTML tokenizer (which libxml2 follows): a quote opens a
    value only after "=", and a ">" inside a quoted value does not end the tag.
    """
    n = len(data)
    while True:
        start = pos
        pos = _past(_SKIP_SPACE_SLASH, data, pos)
        if pos >= n:
            return -1, False
        c = data[pos]
        if c == 62:  # ">"
            return pos + 1, pos > start and data[pos - 1] == 47  # "/>"
        # An attribute name (its first character may be "=") ...
        pos = _past(_SKIP_SPACE, data, _past(_NAME_REST, data, pos + 1))
        if pos >= n:
            return -1, False
        if data[pos] != 61:  # no "=": the next attribute, "/" or ">"
            continue
        # ... and its value.
        pos = _past(_SKIP_SPACE, data, pos + 1)
        if pos >= n:
            return -1, False
        c = data[pos]
        if c == 34 or c == 39:  # a quoted value runs to the same quote, ">" and all
            close = data.find(b'"' if c == 34 else b"'", pos + 1)
            if close < 0:
                return -1, False
            pos = close + 1
        elif c != 62:
            pos = _past(_UNQUOTED, data, pos)


def flatten(data: bytes, depth: int, unseen: frozenset[str], monotone: bool = False) -> bytes | None:
    """The page with the start tags deeper than `depth` and their end tags left out, or
    None when no tag is left out. Only tags go: every character of text stays, in order.

    One pass through the markup with a small tokenizer (comments, raw text such as
    <script> and <title>, quoted attributes as libxml2 reads them) and a model of the open
    elements: an end tag closes the innermost open element of its name and those inside
    it (a stray one is left for libxml2 to ignore); a start tag beyond `depth` open
    elements is left out, and so is the end tag that closes it. Never-rendered elements
    (`unseen`: <svg>, <template>, <select>...) and raw-text elements keep their tags beyond `depth`
    (the outermost hidden one only), so that their text stays out of sight. Linear:
    each tag is read once, each open element is closed at most once, and a dict of
    counts answers whether an element of a name is open.

    The model does not follow all of libxml2's rules (which elements a start tag closes,
    which end tags it ignores), so the page may still be too deep for it. With
    `monotone`, the fallback: every start tag after the first `depth` is left out (end
    tags are all kept: they can only close elements), except at most FLAT_HIDDEN_BUDGET
    never-rendered ones; libxml2 then cannot nest deeper than that, whatever it closes.
    """
    # Never-rendered elements (`unseen`): left out beyond `depth`, their text would
    # become visible, so the outermost one there keeps its tags.
    hidden_tags = frozenset(t.encode() for t in unseen) - _VOID - _RAW
    out: list[bytes] = []
    last = 0  # data[last:] is not yet copied
    stack: list[tuple[bytes, int]] = []
    open_count: dict[bytes, int] = {}
    kept = 0  # kept elements open (monotone: kept start tags so far)
    hidden = 0  # open _KEPT_HIDDEN elements (monotone: kept beyond depth so far)
    dropped = False
    pos = 0
    while True:
        lt = data.find(b"<", pos)
        if lt < 0:
            break
        m = _TAG_OPEN.match(data, lt)
        if m is None:
            nxt = data[lt + 1 : lt + 2]
            if data.startswith(b"<!--", lt):
                if data.startswith(b">", lt + 4) or data.startswith(b"->", lt + 4):
                    pos = lt + 5 if data[lt + 4] == 62 else lt + 6
                    continue
                comment_end = _COMMENT_END.search(data, lt + 4)
                if comment_end is None:
                    break
                pos = comment_end.end()
            elif nxt == b"!" or nxt == b"?" or nxt == b"/":  # bogus comment (or "</>")
                end = data.find(b">", lt + 2)
                if end < 0:
                    break
                pos = end + 1
            else:  # a "<" of the text
                pos = lt + 1
            continue
        closing = m.group(1) == b"/"
        name = m.group(2).lower()
        end, self_closing = _tag_end(data, m.end())
        if end < 0:  # the page ends inside the tag: libxml2 keeps none of it
            break
        pos = end
        keep = True
        if closing:
            if not monotone and name not in _ROOTS and open_count.get(name):
                while True:  # close the innermost element of that name and those inside it
                    other, kind = stack.pop()
                    open_count[other] -= 1
                    if kind != _DROPPED:
                        kept -= 1
                        if kind == _KEPT_HIDDEN:
                            hidden -= 1
                    if other == name:
                        keep = kind != _DROPPED
                        break
        elif name in _RAW or name == b"plaintext":
            if not self_closing:  # libxml2 honours "/>": an empty element, no raw text
                if name == b"plaintext":
                    break  # the rest of the page is its text
                close = _RAW_END[name].search(data, pos)
                if close is None:
                    break
                pos = close.start()  # its end tag is read as a tag next
        elif not (self_closing or name in _VOID or name in _ROOTS):
            if monotone:
                if kept < depth:
                    kept += 1
                elif name in hidden_tags and hidden < FLAT_HIDDEN_BUDGET:
                    hidden += 1
                else:
                    keep = False
            else:
                if kept < depth:
                    kind = _KEPT
                elif name in hidden_tags and not hidden:
                    kind = _KEPT_HIDDEN
                    hidden += 1
                else:
                    kind = _DROPPED
                keep = kind != _DROPPED
                kept += keep
                stack.append((name, kind))
                open_count[name] = open_count.get(name, 0) + 1
        if not keep:
            out.append(data[last:lt])
            last = end
            dropped = True
    if not dropped:
        return None
    out.append(data[last:])
    return b"".join(out)
