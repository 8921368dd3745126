"""Measure cleaner against baselines on gold-standard pages.

    python -m cleaner.evaluate [--bench aeb|fundus|PATH ...] [--mode text|html|both]
                               [--systems cleaner,c4,justext,...] [--metric shingle|tokens]
                               [--worst N] [--limit N] [--markdown]

By default both shared benchmarks (`aeb`, `fundus`) are run in both modes with every
system. A bare benchmark name is looked up in $CLEANER_BENCH, else in `../shared/bench`
beside the repository; anything else is a folder path. For each benchmark and mode
one table puts all systems side by side (run in the same process): F1 as the
benchmark defines it, P, R, bag-of-tokens F1, mean per-page F1 with empty output
scored 0, and pages/s (the extraction call alone, one process, files already read).
Then the worst pages for cleaner, and cleaner's speed relative to trafilatura: from the
tables, and also timed so that a busy machine disturbs it less: HTML mode page by page in
turn with trafilatura, text mode in whole passes over the pages alternating with trafilatura's.

Systems: text mode `cleaner` (cleaner.clean), `c4`, `justext`, `trafilatura-lines`,
`everything`; HTML mode `cleaner` (cleaner.clean_html, when it exists), `trafilatura`.
See cleaner/baselines.py.

Gold folder format (your own pages work the same way)::

    text/<id>.txt           visible text of the page, one block per line (text mode)
    html/<id>.html[.gz]     raw HTML, UTF-8, optionally gzipped (HTML mode)
    gold/<id>.txt           the clean article body, or instead
    ground-truth.json       {"<id>": {"articleBody": "..."}, ...}

Either input folder may be absent (that mode is then skipped). A page is scored
when it has both an input and a gold text.

Metrics (`--metric`; default `shingle` with ground-truth.json, `tokens` with gold/):

* shingle (the Article Extraction Benchmark's): tokens are `\\w+` runs, case kept;
  per page, P and R are the multiset overlap of 4-token shingles (a text of fewer
  than 4 tokens is one shingle). Corpus P is the mean over pages whose output has a
  token, corpus R the mean over all pages, F1 their harmonic mean.
* tokens (the fundus benchmark's): bag-of-tokens P/R/F1 per page, tokens being `\\w+`
  runs with each Chinese, Japanese and Thai character a token of its own; P, R and F1
  are means over the pages whose gold has at least `--min-gold-tokens` tokens
  (default 30 for this metric, 0 for shingle).
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import platform
import re
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from typing import Callable, Sequence

import regex

from . import baselines

REPO = Path(__file__).resolve().parent.parent
SHARED_BENCHES = ("aeb", "fundus")
MODES = ("text", "html")
SHINGLE = 4

# --- metrics (pure) ---------------------------------------------------------------

# The AEB reference implementation tokenises with Python's re; keep it for the shingle metric.
_AEB_TOKEN = re.compile(r"\w+")
_CJK = r"\p{Han}\p{Hiragana}\p{Katakana}\p{Thai}"
_TOKEN = regex.compile(rf"[{_CJK}]|[^\W{_CJK}]+")


def tokens(text: str) -> list[str]:
    """`\\w+` runs, case kept, with every Chinese, Japanese and Thai character a token."""
    return _TOKEN.findall(text)


def shingles(text: str, n: int = SHINGLE) -> Counter[tuple[str, ...]]:
    """The multiset of n-token shingles of `text` (a shorter text is one shingle; none if empty)."""
    toks = _AEB_TOKEN.findall(text)
    if len(toks) < n:
        return Counter([tuple(toks)]) if toks else Counter()
    return Counter(tuple(toks[i : i + n]) for i in range(len(toks) - n + 1))


def overlap_scores(output: Counter, gold: Counter) -> tuple[float, float]:
    """Precision and recall of two multisets (both empty: 1, 1; one empty: 0, 0)."""
    n_out, n_gold = sum(output.values()), sum(gold.values())
    if not n_out and not n_gold:
        return 1.0, 1.0
    tp = sum((output & gold).values())
    return (tp / n_out if n_out else 0.0), (tp / n_gold if n_gold else 0.0)


def shingle_scores(output: str, gold: str) -> tuple[float, float]:
    """Per-page precision and recall over 4-token shingles (the AEB metric)."""
    return overlap_scores(shingles(output), shingles(gold))


def token_scores(output: str, gold: str) -> tuple[float, float]:
    """Per-page precision and recall over bags of tokens (the fundus metric)."""
    return overlap_scores(Counter(tokens(output)), Counter(tokens(gold)))


def f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def mean(values: Sequence[float]) -> float:
    return sum(values) / len(values) if values else 0.0


# --- loading ----------------------------------------------------------------------


@dataclass
class Page:
    id: str
    input: str  # the page's visible text (text mode) or its HTML (HTML mode)
    gold: str


@dataclass
class Bench:
    name: str
    path: Path
    mode: str
    metric: str
    pages: list[Page]


def bench_root() -> Path:
    """Where bare benchmark names are looked up: $CLEANER_BENCH or ../shared/bench."""
    return Path(os.environ.get("CLEANER_BENCH") or REPO.parent / "shared" / "bench")


def resolve_bench(name_or_path: str | Path) -> Path:
    path = Path(name_or_path)
    if path.is_dir():
        return path
    if (bench_root() / path).is_dir():
        return bench_root() / path
    raise FileNotFoundError(f"no benchmark folder {name_or_path!r} (looked in {bench_root()})")


def _read_html(path: Path) -> str:
    data = gzip.decompress(path.read_bytes()) if path.suffix == ".gz" else path.read_bytes()
    return data.decode("utf-8", errors="replace")


def _inputs(path: Path, mode: str) -> dict[str, Path]:
    if mode == "text":
        return {p.name[: -len(".txt")]: p for p in (path / "text").glob("*.txt")}
    found = {}
    for p in (path / "html").glob("*.html*"):
        if p.name.endswith((".html", ".html.gz")):
            found[p.name.split(".html")[0]] = p
    return found


def _golds(path: Path) -> dict[str, str]:
    if (path / "ground-truth.json").is_file():
        data = json.loads((path / "ground-truth.json").read_text(encoding="utf-8"))
        return {k: v.get("articleBody") or "" for k, v in data.items()}
    return {p.stem: p.read_text(encoding="utf-8") for p in (path / "gold").glob("*.txt")}


def default_metric(path: Path) -> str:
    return "shingle" if (path / "ground-truth.json").is_file() else "tokens"


def load_bench(
    bench: str | Path,
    mode: str,
    *,
    metric: str | None = None,
    limit: int | None = None,
    min_gold_tokens: int | None = None,
) -> Bench:
    """Read a benchmark's pages for one mode into memory (sorted by id)."""
    path = resolve_bench(bench)
    metric = metric or default_metric(path)
    if min_gold_tokens is None:
        min_gold_tokens = 30 if metric == "tokens" else 0
    golds, inputs = _golds(path), _inputs(path, mode)
    ids = [
        i for i in sorted(golds.keys() & inputs.keys()) if len(tokens(golds[i])) >= min_gold_tokens
    ][:limit]
    read = (lambda p: p.read_text(encoding="utf-8")) if mode == "text" else _read_html
    pages = [Page(i, read(inputs[i]), golds[i]) for i in ids]
    return Bench(path.name, path, mode, metric, pages)


# --- systems ----------------------------------------------------------------------


def available_systems(mode: str) -> dict[str, Callable[[str], list[str]]]:
    """Name -> extractor for a mode, cleaner first."""
    import cleaner

    if mode == "text":
        return {"cleaner": cleaner.clean, **baselines.TEXT_BASELINES}
    own = {"cleaner": cleaner.clean_html} if hasattr(cleaner, "clean_html") else {}
    return {**own, **baselines.HTML_BASELINES}


ALL_SYSTEMS = ("cleaner", *baselines.TEXT_BASELINES, *baselines.HTML_BASELINES)


# --- scoring ----------------------------------------------------------------------


@dataclass
class PageResult:
    id: str
    precision: float
    recall: float
    f1: float
    token_f1: float
    empty: bool
    output: list[str] = field(repr=False)
    gold: str = field(repr=False)


@dataclass
class Result:
    bench: str
    mode: str
    system: str
    metric: str
    f1: float
    precision: float
    recall: float
    token_f1: float
    page_f1: float
    pages_per_s: float
    pages: list[PageResult] = field(repr=False)


def score_page(page_id: str, output: list[str], gold: str, metric: str) -> PageResult:
    text = "\n".join(output)
    tp, tr = token_scores(text, gold)
    p, r = shingle_scores(text, gold) if metric == "shingle" else (tp, tr)
    empty = not _AEB_TOKEN.search(text)
    return PageResult(page_id, p, r, f1(p, r), f1(tp, tr), empty, output, gold)


def summarise(bench: Bench, system: str, pages: list[PageResult], seconds: float) -> Result:
    """Corpus figures from per-page scores, as the metric defines them."""
    recall = mean([p.recall for p in pages])
    if bench.metric == "shingle":
        precision = mean([p.precision for p in pages if not p.empty])
        corpus_f1 = f1(precision, recall)
    else:
        precision = mean([p.precision for p in pages])
        corpus_f1 = mean([p.f1 for p in pages])
    return Result(
        bench=bench.name,
        mode=bench.mode,
        system=system,
        metric=bench.metric,
        f1=corpus_f1,
        precision=precision,
        recall=recall,
        token_f1=mean([p.token_f1 for p in pages]),
        page_f1=mean([p.f1 for p in pages]),
        pages_per_s=len(pages) / seconds if seconds > 0 else float("inf"),
        pages=pages,
    )


def evaluate_system(bench: Bench, name: str, extract: Callable[[str], list[str]], *, repeat: int = 1) -> Result:
    """Run one extractor over the pages (after one untimed warm-up call) and score it.

    With ``repeat`` > 1 the pages are run that many times over, and each page's time is
    its fastest run: on a shared machine, the others' load only ever adds time.
    """
    if bench.pages:
        extract(bench.pages[0].input)
    outputs: list[list[str]] = []
    best = [float("inf")] * len(bench.pages)
    for _ in range(max(repeat, 1)):
        for i, page in enumerate(bench.pages):
            start = time.perf_counter()
            out = extract(page.input)
            best[i] = min(best[i], time.perf_counter() - start)
            if len(outputs) < len(bench.pages):
                outputs.append(out)
    scored = [score_page(p.id, o, p.gold, bench.metric) for p, o in zip(bench.pages, outputs)]
    return summarise(bench, name, scored, sum(best))


def run(
    bench_path: str | Path,
    mode: str = "text",
    systems: Sequence[str] | None = None,
    *,
    metric: str | None = None,
    limit: int | None = None,
    min_gold_tokens: int | None = None,
    repeat: int = 1,
) -> list[Result]:
    """Evaluate the named systems (default: all for the mode) on one benchmark in one mode.

    Systems that do not exist in this mode are skipped; an empty list comes back when
    the benchmark has no input for the mode.
    """
    unknown = set(systems or ()) - set(ALL_SYSTEMS)
    if unknown:
        raise ValueError(f"unknown systems {sorted(unknown)}; known: {', '.join(ALL_SYSTEMS)}")
    bench = load_bench(bench_path, mode, metric=metric, limit=limit, min_gold_tokens=min_gold_tokens)
    if not bench.pages:
        return []
    extractors = available_systems(mode)
    names = [n for n in extractors if systems is None or n in systems]
    if any(n != "cleaner" for n in names):
        baselines.warm_up()
    return [evaluate_system(bench, n, extractors[n], repeat=repeat) for n in names]


# --- reporting --------------------------------------------------------------------


def _version(dist: str) -> str:
    try:
        return metadata.version(dist)
    except metadata.PackageNotFoundError:
        return "absent"


def header() -> str:
    import cleaner

    return (
        f"python {platform.python_version()} · cleaner {cleaner.__version__} · "
        f"trafilatura {_version('trafilatura')} · justext {_version('justext')} · "
        f"{platform.platform()} · {os.cpu_count()} CPUs"
    )


COLUMNS = ("system", "F1", "P", "R", "token F1", "page F1", "pages/s")


def _row(r: Result) -> list[str]:
    speed = f"{r.pages_per_s:.0f}" if r.pages_per_s < 1e9 else "inf"
    nums = (r.f1, r.precision, r.recall, r.token_f1, r.page_f1)
    return [r.system, *(f"{x:.3f}" for x in nums), speed]


def table(results: list[Result], markdown: bool = False) -> str:
    """One benchmark-and-mode table, systems side by side."""
    rows = [_row(r) for r in results]
    if markdown:
        lines = ["| " + " | ".join(COLUMNS) + " |", "|" + "---|" * len(COLUMNS)]
        return "\n".join(lines + ["| " + " | ".join(row) + " |" for row in rows])
    widths = [max(len(c), *(len(row[i]) for row in rows)) for i, c in enumerate(COLUMNS)]

    def fmt(row: Sequence[str]) -> str:
        cells = [c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in enumerate(zip(row, widths))]
        return "  ".join(cells)

    return "\n".join([fmt(COLUMNS), *(fmt(row) for row in rows)])


def _covered(line: str, shingle_set: set, token_set: set) -> bool:
    """Whether most of a line's shingles (all its tokens, if short) occur in the other text."""
    toks = _AEB_TOKEN.findall(line)
    if len(toks) < SHINGLE:
        return set(toks) <= token_set
    own = [tuple(toks[i : i + SHINGLE]) for i in range(len(toks) - SHINGLE + 1)]
    return sum(s in shingle_set for s in own) >= len(own) / 2


def diff_lines(output: list[str], gold: str) -> tuple[list[str], list[str]]:
    """(gold lines missing from the output, output lines not in the gold)."""
    out_text = "\n".join(output)
    in_output = set(shingles(out_text)), set(_AEB_TOKEN.findall(out_text))
    in_gold = set(shingles(gold)), set(_AEB_TOKEN.findall(gold))
    gold_lines = [g.strip() for g in gold.splitlines() if g.strip()]
    missed = [g for g in gold_lines if not _covered(g, *in_output)]
    let_through = [o for o in output if not _covered(o, *in_gold)]
    return missed, let_through


def _clip(text: str, width: int = 100) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def worst_pages(result: Result, n: int, lines: int = 3) -> str:
    """The n pages with the lowest per-page F1, with a glimpse of what went wrong."""
    out = [f"worst {n} pages for {result.system} ({result.bench}, {result.mode} mode):"]
    for page in sorted(result.pages, key=lambda p: (p.f1, p.id))[:n]:
        out.append(f"  {page.id}  F1 {page.f1:.3f}  P {page.precision:.3f}  R {page.recall:.3f}")
        missed, let_through = diff_lines(page.output, page.gold)
        for label, items in (("missed", missed), ("let through", let_through)):
            if items:
                out.append(f"    {label} ({len(items)} lines):")
                out += [f"      | {_clip(x)}" for x in items[:lines]]
    return "\n".join(out)


def speed_ratios(results: list[Result]) -> list[str]:
    """cleaner (text, HTML) pages/s relative to trafilatura HTML, per benchmark."""
    by = {(r.bench, r.mode, r.system): r for r in results}
    out = []
    for bench in dict.fromkeys(r.bench for r in results):
        ref = by.get((bench, "html", "trafilatura"))
        for mode in MODES:
            own = by.get((bench, mode, "cleaner"))
            if ref and own and ref.pages_per_s:
                out.append(
                    f"{bench}: cleaner {mode} mode runs at {own.pages_per_s / ref.pages_per_s:.2f}x "
                    f"the pages/s of trafilatura HTML mode"
                )
    return out


def paired_ratios(
    bench_path: str | Path, *, limit: int | None = None, min_gold_tokens: int | None = None, repeat: int = 1
) -> list[str]:
    """cleaner's HTML mode against trafilatura, timed page by page in turn: each page is
    cleaned by both before the next page (in an order that alternates), and each keeps
    its fastest of `repeat` runs. A shared machine that slows down or speeds up during the
    run then weighs on both alike, where the tables time each system over all pages one
    after the other. (Text mode is not paired so: run between two HTML extractions, it
    would find the processor's caches cold, which it does not in a pipeline.)"""
    pages = [p.input for p in load_bench(bench_path, "html", limit=limit, min_gold_tokens=min_gold_tokens).pages]
    if not pages:
        return []
    baselines.warm_up()
    extractors = available_systems("html")
    runs = [(name, extractors[name]) for name in ("cleaner", "trafilatura")]
    for _, extract in runs:  # warm-up, untimed
        extract(pages[0])
    best = {name: [float("inf")] * len(pages) for name, _ in runs}
    for r in range(max(repeat, 1)):
        for i, page in enumerate(pages):
            for name, extract in runs if (r + i) % 2 == 0 else runs[::-1]:
                start = time.perf_counter()
                extract(page)
                best[name][i] = min(best[name][i], time.perf_counter() - start)
    ratio = sum(best["trafilatura"]) / sum(best["cleaner"])
    return [
        f"{Path(bench_path).name}: timed page by page in turn ({len(pages)} pages): cleaner html mode runs at "
        f"{ratio:.2f}x the pages/s of trafilatura HTML mode"
    ]


def alternating_ratios(
    bench_path: str | Path, *, limit: int | None = None, min_gold_tokens: int | None = None, passes: int = 3
) -> list[str]:
    """cleaner's text mode against trafilatura on the HTML of the same pages, timed in
    alternating passes over all the pages (text, HTML, text, HTML...), each page keeping
    its fastest pass. Within its pass each system runs page after page, caches warm, as in
    a pipeline; a machine whose speed drifts over the run weighs on both, where the tables
    time the text block and the HTML block minutes apart."""
    texts = {p.id: p.input for p in load_bench(bench_path, "text", limit=limit, min_gold_tokens=min_gold_tokens).pages}
    htmls = {p.id: p.input for p in load_bench(bench_path, "html", limit=limit, min_gold_tokens=min_gold_tokens).pages}
    ids = [i for i in texts if i in htmls]
    if not ids:
        return []
    baselines.warm_up()
    runs = [
        ("text", available_systems("text")["cleaner"], texts),
        ("html", available_systems("html")["trafilatura"], htmls),
    ]
    best = {name: [float("inf")] * len(ids) for name, _, _ in runs}
    for r in range(max(passes, 1)):
        for name, extract, inputs in runs if r % 2 == 0 else runs[::-1]:
            extract(inputs[ids[0]])  # warm-up, untimed
            for k, i in enumerate(ids):
                start = time.perf_counter()
                extract(inputs[i])
                best[name][k] = min(best[name][k], time.perf_counter() - start)
    ratio = sum(best["html"]) / sum(best["text"])
    return [
        f"{Path(bench_path).name}: timed in {max(passes, 1)} alternating passes ({len(ids)} pages): cleaner text mode "
        f"runs at {ratio:.2f}x the pages/s of trafilatura HTML mode"
    ]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m cleaner.evaluate", description=__doc__.split("\n\n")[0]
    )
    parser.add_argument("--bench", nargs="+", default=list(SHARED_BENCHES), help="name or folder")
    parser.add_argument("--mode", choices=("text", "html", "both"), default="both")
    parser.add_argument("--systems", help=f"comma-separated, from: {','.join(ALL_SYSTEMS)}")
    parser.add_argument("--metric", choices=("shingle", "tokens"))
    parser.add_argument("--min-gold-tokens", type=int, help="skip pages with shorter gold")
    parser.add_argument("--worst", type=int, default=5, metavar="N", help="worst pages shown")
    parser.add_argument("--limit", type=int, metavar="N", help="first N pages only")
    parser.add_argument(
        "--repeat", type=int, default=1, metavar="N", help="time each page N times, keep its fastest run"
    )
    parser.add_argument("--markdown", action="store_true", help="tables as Markdown")
    args = parser.parse_args(argv)
    systems = args.systems.split(",") if args.systems else None
    modes = MODES if args.mode == "both" else (args.mode,)

    print(header())
    everything: list[Result] = []
    for bench in args.bench:
        for mode in modes:
            try:
                results = run(
                    bench, mode, systems, metric=args.metric, limit=args.limit,
                    min_gold_tokens=args.min_gold_tokens, repeat=args.repeat,
                )
            except (FileNotFoundError, ValueError) as err:
                print(f"error: {err}", file=sys.stderr)
                return 2
            if not results:
                print(f"\n{bench}, {mode} mode: no pages or no systems for this mode, skipped")
                continue
            first = results[0]
            title = f"{first.bench} · {mode} mode · {len(first.pages)} pages · {first.metric} metric"
            print(f"\n{'### ' if args.markdown else ''}{title}")
            print(table(results, args.markdown))
            own = next((r for r in results if r.system == "cleaner"), None)
            if own and args.worst > 0:
                print()
                print(worst_pages(own, args.worst))
            everything += results
    ratios = speed_ratios(everything)
    if "html" in modes and (systems is None or {"cleaner", "trafilatura"} <= set(systems)):
        for bench in args.bench:
            ratios += paired_ratios(bench, limit=args.limit, min_gold_tokens=args.min_gold_tokens, repeat=args.repeat)
            if "text" in modes:
                passes = max(args.repeat, 2)
                ratios += alternating_ratios(bench, limit=args.limit, min_gold_tokens=args.min_gold_tokens, passes=passes)
    if ratios:
        print()
        print("\n".join(ratios))
    return 0


if __name__ == "__main__":
    sys.exit(main())
