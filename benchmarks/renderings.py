"""Does text mode depend on how the page was turned into text? A table.

The benchmarks' text inputs were all rendered by one tool (html-text with
guess_layout). Users' text comes from others: a browser's innerText, a crawler's own
HTML-to-text step. This script renders each benchmark page's HTML again in two ways
written here, and scores text mode and the C4-style line filter on each rendering:

* ``html-text``: the benchmark's own text files, for reference;
* ``no-title``: the same without their first line (the page's <title>), as from a
  tool that renders the body only;
* ``blocks``: like a browser's innerText: every block-level element (p, div, li, h1,
  td, br...) starts a new line, inline elements (a, span, b...) stay inside theirs,
  script, style, template, svg and the head are skipped (hidden elements are not:
  a renderer without CSS cannot tell them);
* ``text-nodes``: every text node on its own line, so a sentence with a link in it is
  cut into three lines. Not "one block per line": the worst case a careless scraper gives.

Usage::

    python benchmarks/renderings.py                   # both benchmarks
    python benchmarks/renderings.py --bench aeb --limit 50
"""

from __future__ import annotations

import argparse
import sys
from typing import Callable, Sequence

import lxml.etree
import lxml.html

from cleaner import evaluate
from cleaner.baselines import TEXT_BASELINES

#: Elements that start and end a line (HTML's block-level elements, plus br and table cells).
BLOCK = frozenset(
    "address article aside blockquote body br dd details dialog div dl dt fieldset figcaption "
    "figure footer form h1 h2 h3 h4 h5 h6 header hr li main nav ol option p pre section "
    "summary table tbody td tfoot th thead tr ul".split()
)
#: Elements whose text is never shown.
HIDDEN = frozenset("head script style noscript template svg math".split())


def _tree(html: str) -> lxml.html.HtmlElement | None:
    try:
        return lxml.html.fromstring(html)
    except (lxml.etree.ParserError, ValueError):
        return None


def blocks(html: str) -> str:
    """The page's text as a browser's innerText would lay it out (without CSS)."""
    root = _tree(html)
    if root is None:
        return ""
    lines: list[str] = []
    current: list[str] = []

    def end_line() -> None:
        line = " ".join("".join(current).split())
        if line:
            lines.append(line)
        current.clear()

    title = root.find(".//title")
    if title is not None and title.text:
        lines.append(" ".join(title.text.split()))
    # An explicit stack (element, entering?) instead of recursion: pages nest deeply.
    body = root.find(".//body")
    stack: list[tuple[lxml.etree._Element, bool]] = [(body if body is not None else root, True)]
    while stack:
        el, entering = stack.pop()
        tag = el.tag if isinstance(el.tag, str) else ""
        if not entering:
            if tag in BLOCK:
                end_line()
            if el.tail:
                current.append(el.tail)
            continue
        if tag in HIDDEN or not tag:
            if el.tail:
                current.append(el.tail)
            continue
        if tag in BLOCK:
            end_line()
        if el.text:
            current.append(el.text)
        stack.append((el, False))
        stack.extend((child, True) for child in reversed(el))
    end_line()
    return "\n".join(lines)


def text_nodes(html: str) -> str:
    """Every text node of the page on its own line."""
    root = _tree(html)
    if root is None:
        return ""
    title = root.find(".//title")
    lines = [title.text] if title is not None and title.text else []
    for el in list(root.iter(*HIDDEN)):  # a list: the loop changes the tree
        el.text = None
        for child in list(el):
            el.remove(child)
    lines += root.itertext()
    return "\n".join(line for line in (" ".join(t.split()) for t in lines) if line)


def without_first_line(text: str) -> str:
    return text.partition("\n")[2]


#: name -> (the benchmark's input it starts from, how it renders it)
RENDERINGS: dict[str, tuple[str, Callable[[str], str] | None]] = {
    "html-text": ("text", None),
    "no-title": ("text", without_first_line),
    "blocks": ("html", blocks),
    "text-nodes": ("html", text_nodes),
}


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--bench", nargs="+", default=list(evaluate.SHARED_BENCHES))
    parser.add_argument("--limit", type=int, help="at most this many pages per benchmark")
    args = parser.parse_args(argv)

    import cleaner

    systems = {"cleaner": cleaner.clean, "c4": TEXT_BASELINES["c4"]}
    print(f"{'benchmark':10} {'rendering':11} " + " ".join(f"{name + ' F1':>11}" for name in systems))
    for name in args.bench:
        sources = {mode: evaluate.load_bench(name, mode, limit=args.limit) for mode in ("text", "html")}
        for rendering, (mode, render) in RENDERINGS.items():
            bench = sources[mode]
            if render is not None:
                pages = [evaluate.Page(p.id, render(p.input), p.gold) for p in bench.pages]
                bench = evaluate.Bench(bench.name, bench.path, "text", bench.metric, pages)
            scores = [evaluate.evaluate_system(bench, system, extract).f1 for system, extract in systems.items()]
            print(f"{bench.name:10} {rendering:11} " + " ".join(f"{score:11.3f}" for score in scores), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
