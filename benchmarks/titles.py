"""How often is the title right? A table, cleaner side by side with trafilatura.

``Document.title`` is the page's headline as cleaner finds it. The fundus benchmark
gives each page's headline (``pages.jsonl``, field ``title``); this script compares it
with cleaner's title in text and HTML mode and with the title of trafilatura's metadata
(from the HTML). A title counts as exact when it equals the gold headline after
whitespace is collapsed, case folded, and quotation marks and soft hyphens left out; and
as close when one contains the other (a title with the site's name after it, a headline
with its kicker before it).

Usage::

    python benchmarks/titles.py                 # fundus, both modes
    python benchmarks/titles.py --limit 50
    python benchmarks/titles.py --bench PATH    # any folder with pages.jsonl titles
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Callable, Sequence

from cleaner import clean_document, clean_html_document, evaluate


def gold_titles(path: Path) -> dict[str, str]:
    """Page id -> gold headline, from pages.jsonl (lines of {"id": ..., "title": ...})."""
    titles = {}
    pages = path / "pages.jsonl"
    if pages.is_file():
        for line in pages.read_text(encoding="utf-8").splitlines():
            if line.strip():
                page = json.loads(line)
                if page.get("title"):
                    titles[page["id"]] = page["title"]
    return titles


#: Quotation marks of any style, and soft hyphens (invisible), are left out of the comparison:
#: 'Whingers' and ‘Whingers’ are one headline.
_IGNORED = str.maketrans(dict.fromkeys("\"'‘’‚‛“”„‟«»‹›「」『』\u00ad"))


def normal(title: str | None) -> str:
    return " ".join((title or "").translate(_IGNORED).split()).casefold()


def judge(found: str | None, gold: str) -> str:
    """exact, close (one holds the other) or wrong (an empty title is wrong)."""
    a, b = normal(found), normal(gold)
    if a == b:
        return "exact"
    if a and (a in b or b in a):
        return "close"
    return "wrong"


def trafilatura_title(html: str) -> str | None:
    import trafilatura

    meta = trafilatura.extract_metadata(html)
    return meta.title if meta is not None else None


SYSTEMS: dict[str, tuple[str, Callable[[str], str | None]]] = {
    "cleaner, text": ("text", lambda text: clean_document(text).title),
    "cleaner, HTML": ("html", lambda html: clean_html_document(html).title),
    "trafilatura metadata, HTML": ("html", trafilatura_title),
}


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--bench", default="fundus", help="name or folder (with pages.jsonl)")
    parser.add_argument("--limit", type=int, metavar="N", help="first N pages only")
    args = parser.parse_args(argv)
    path = evaluate.resolve_bench(args.bench)
    titles = gold_titles(path)
    if not titles:
        print(f"error: no titles in {path / 'pages.jsonl'}", file=sys.stderr)
        return 2
    print("| system | pages | exact | close | wrong |")
    print("|---|---|---|---|---|")
    for name, (mode, find) in SYSTEMS.items():
        bench = evaluate.load_bench(path, mode, limit=args.limit, min_gold_tokens=0)
        counts = {"exact": 0, "close": 0, "wrong": 0}
        pages = [p for p in bench.pages if p.id in titles]
        for page in pages:
            counts[judge(find(page.input), titles[page.id])] += 1
        n = len(pages) or 1
        print(f"| {name} | {len(pages)} | " + " | ".join(f"{counts[k] / n:.1%}" for k in counts) + " |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
