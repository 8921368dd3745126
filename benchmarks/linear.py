"""Does cleaning time grow linearly with the input? A table, one row per kind of input.

Each kind of input is cleaned at two sizes, N and 10N, each in a fresh Python process
(so that one case's memory and caches do not affect another), and the table gives:

* seconds: the CPU time (time.process_time) of the cleaning call alone, input built
  beforehand; CPU time rather than wall time, so that other processes on a shared
  machine disturb the ratio less. The best of ``--repeat`` runs at size N, one run at
  10N (so the ratio errs on the high side);
* ratio: time(10N) / time(N); linear work gives about 10, quadratic about 100.
  The promise is ratio <= 15 (``LIMIT``); a row above it is marked FAIL;
* peak MB: the process's peak resident memory (ru_maxrss), and in brackets how much
  it grew during cleaning, over the resident memory with the input already built;
* paragraphs: how many paragraphs were kept at each size (a check that the big input
  was really read: a case that keeps nothing at 10N has lost its text).

Cases: a single line of prose of 1 MB / 10 MB; 20,000 / 200,000 short lines; and in
HTML mode (when ``cleaner.clean_html_document`` exists) a 2 MB / 20 MB page, a page
nested 10,000 / 100,000 elements deep, tables nested 200 / 2,000 deep, and a 1 MB /
10 MB page whose second half is reader comments (blocks outside trafilatura's
extraction). Text mode runs with ``max_input_chars=0`` where
the input is over the default limit. The deep cases go past libxml2's depth limit (2,048:
cleaner parses the page again, flattened) and past the bounds on which trees trafilatura
is given (256 elements deep, 32 nested tables); at 10N, html-page (20 MB) and html-comments
(10 MB) have more than 20,000 text nodes in paragraphs, so they too are cleaned without
trafilatura (its ``//p//text()`` query is quadratic): the comments it would leave out are
kept there, as the paragraph counts at 10N show.

Usage::

    python benchmarks/linear.py                 # every case, a table on stdout
    python benchmarks/linear.py --only text     # the cases whose name contains "text"
    python benchmarks/linear.py --profile html-page 2000000   # cProfile one case, one size

Every input holds an article: a row where nothing was kept at some size is marked LOST.
Exit code 1 when a ratio is over the limit, text was lost or a case failed, else 0.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import subprocess
import sys
import time

#: time(10N) / time(N) must not exceed this.
LIMIT = 15.0

SENTENCES = [
    "The council voted on Tuesday to keep the library open for another year, officials said.",
    "Residents had campaigned for months to save the building, which dates from 1910.",
    "Le gouvernement a annoncé mardi une nouvelle loi sur le climat et les transports publics.",
    "Die Stadt will das Wasser der Schule im nächsten Jahr prüfen lassen, sagte der Sprecher.",
    "Городской совет проголосовал за то, чтобы библиотека оставалась открытой ещё год.",
    "市議会は火曜日、図書館をもう一年開館することを決めた。",
    "قال المسؤولون إن المجلس صوت يوم الثلاثاء على إبقاء المكتبة مفتوحة لعام آخر.",
]
SHORT_LINES = ["Home", "News", "Sport", "Share", "Read more", "Advertisement", "Photo: Reuters", "Most read"]


# --- inputs -----------------------------------------------------------------------------


def single_line(chars: int) -> str:
    """One line of prose (sentences separated by spaces, no line break), ``chars`` long."""
    rnd = random.Random(chars)
    parts, size = [], 0
    while size < chars:
        s = rnd.choice(SENTENCES)
        parts.append(s)
        size += len(s) + 1
    return " ".join(parts)[:chars]


def short_lines(count: int) -> str:
    """``count`` short lines: menu items, numbered items, repeated controls, a sentence now and then."""
    rnd = random.Random(count)
    out = []
    for i in range(count):
        r = rnd.random()
        if r < 0.4:
            out.append(f"{rnd.choice(SHORT_LINES)} {i}")
        elif r < 0.6:
            out.append(rnd.choice(SHORT_LINES))
        elif r < 0.8:
            out.append(f"• Item number {i} of the list")
        else:
            out.append(rnd.choice(SENTENCES))
    return "\n".join(out)


def html_page(size: int) -> str:
    """A news page ``size`` characters long: nav, an article of many paragraphs, comments, footer."""
    rnd = random.Random(size)
    head = (
        "<!DOCTYPE html><html><head><meta charset='utf-8'><title>Library stays open - The Daily Planet</title>"
        "<style>p{margin:0}</style><script>var x = '<p>not text</p>';</script></head><body>"
        "<nav class='menu'><ul>" + "".join(f"<li><a href='/s{i}'>{s}</a></li>" for i, s in enumerate(SHORT_LINES)) +
        "</ul></nav><main><article class='article-body'><h1>Library stays open for another year</h1>"
        "<p class='byline'>By A. Reporter</p>"
    )
    tail = "</article></main><footer><p>© 2024 The Daily Planet. All rights reserved.</p></footer></body></html>"
    parts, total = [head], len(head) + len(tail)
    i = 0
    while total < size:
        i += 1
        if i % 25 == 0:
            chunk = f"<h2>Section {i}</h2>"
        elif i % 40 == 0:
            chunk = ("<aside class='related'><h3>Related</h3><ul>" +
                     "".join(f"<li><a href='/r{j}'>Story {j}</a></li>" for j in range(5)) + "</ul></aside>")
        elif i % 17 == 0:
            chunk = f"<figure><img src='/i{i}.jpg'><figcaption>Photo {i}: Reuters</figcaption></figure>"
        else:
            # A distinct opening: cleaner drops paragraphs that repeat an earlier one's first words.
            chunk = f"<p>In report {i}, " + " ".join(rnd.choice(SENTENCES) for _ in range(rnd.randint(1, 5))) + "</p>\n"
        parts.append(chunk)
        total += len(chunk)
    parts.append(tail)
    return "".join(parts)


def html_deep(depth: int) -> str:
    """A page nested ``depth`` elements deep, with the article's paragraphs after the nest.

    A parser that gives up at some depth loses the article: the paragraphs column shows it.
    """
    article = "".join(f"<p>{s} {s}</p>" for s in SENTENCES)
    return (
        "<html><head><title>Library stays open</title></head><body>" + "<div>" * depth
        + f"<p>{SENTENCES[0]} {SENTENCES[1]}</p>" + "</div>" * depth
        + f"<article><h1>Library stays open</h1>{article}</article></body></html>"
    )


def html_tables_deep(depth: int) -> str:
    """The article inside tables nested ``depth`` deep (old layouts nest tables; broken pages
    leave them unclosed). Plain ``<table>`` tags, so that 2,000 levels stay under libxml2's
    depth limit (2,048).
    """
    article = "".join(f"<p>{s} {s}</p>" for s in SENTENCES)
    return "<html><body>" + "<table>" * depth + article + "</table>" * depth + "</body></html>"


def html_outside_extraction(size: int) -> str:
    """An article, then a long discussion of distinct comments that trafilatura leaves out."""
    rnd = random.Random(size)
    words = "alpha beta gamma delta epsilon zeta theta iota kappa lambda sigma omega".split()
    half = size // 2
    parts, total = ["<html><body><article>"], 0
    i = 0
    while total < half:
        i += 1
        chunk = f"<p>In report {i}, " + " ".join(rnd.choice(SENTENCES) for _ in range(3)) + "</p>"
        parts.append(chunk)
        total += len(chunk)
    parts.append("</article><section id='comments' class='comments'>")
    while total < size:
        i += 1
        chunk = ("<div class='comment'><p>" + " ".join(rnd.choice(words) for _ in range(12))
                 + f" comment {i}.</p></div>")
        parts.append(chunk)
        total += len(chunk)
    parts.append("</section></body></html>")
    return "".join(parts)


#: name -> (mode, input builder, N, what N counts)
CASES = {
    "text-single-line": ("text", single_line, 1_000_000, "1 MB / 10 MB, one line"),
    "text-short-lines": ("text", short_lines, 20_000, "20,000 / 200,000 lines"),
    "html-page": ("html", html_page, 2_000_000, "2 MB / 20 MB page"),
    "html-deep": ("html", html_deep, 10_000, "nested 10,000 / 100,000 deep"),
    "html-tables-deep": ("html", html_tables_deep, 200, "nested tables 200 / 2,000"),
    "html-comments": ("html", html_outside_extraction, 1_000_000, "1 MB / 10 MB, half comments"),
}


# --- one case in a fresh process --------------------------------------------------------


def _rss_mb() -> float:
    """Current resident memory, from /proc (Linux); ru_maxrss elsewhere."""
    try:
        with open("/proc/self/statm") as f:
            return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20
    except OSError:
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def child(name: str, size: int, repeat: int, profile: bool) -> dict:
    import cleaner

    mode, build, _, _ = CASES[name]
    data = build(size)
    if mode == "text":
        overrides = {"max_input_chars": 0} if len(data) > cleaner.Config().max_input_chars else {}
        call = lambda: cleaner.clean_document(data, **overrides)  # noqa: E731
    else:
        clean_html = getattr(cleaner, "clean_html_document", None)
        if clean_html is None:
            return {"skipped": "no HTML mode (cleaner.clean_html_document is missing)"}
        overrides = {"max_input_chars": 0} if len(data) > cleaner.Config().max_input_chars else {}
        call = lambda: clean_html(data, **overrides)  # noqa: E731
    base = _rss_mb()
    if profile:
        import cProfile
        import pstats

        profiler = cProfile.Profile()
        profiler.enable()
        call()
        profiler.disable()
        pstats.Stats(profiler, stream=sys.stderr).sort_stats("cumulative").print_stats(30)
        pstats.Stats(profiler, stream=sys.stderr).sort_stats("tottime").print_stats(20)
    times, walls = [], []
    doc = None
    for _ in range(repeat):
        start, wall = time.process_time(), time.perf_counter()
        doc = call()
        times.append(time.process_time() - start)
        walls.append(time.perf_counter() - wall)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {
        "seconds": min(times),
        "wall": min(walls),
        "peak_mb": peak,
        "grew_mb": max(peak - base, 0.0),
        "chars": len(data),
        "blocks": len(doc.blocks),
        "paragraphs": len(doc.paragraphs),
    }


def run_case(name: str, size: int, repeat: int, timeout: float) -> dict:
    command = [sys.executable, __file__, "--child", name, str(size), "--repeat", str(repeat)]
    try:
        result = subprocess.run(command, capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return {"error": f"timed out after {timeout:.0f} s"}
    if result.returncode != 0:
        last = (result.stderr.strip().splitlines() or ["(no output)"])[-1]
        return {"error": f"exit {result.returncode}: {last}"}
    return json.loads(result.stdout.strip().splitlines()[-1])


# --- the table --------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--only", default="", help="run the cases whose name contains this")
    parser.add_argument("--repeat", type=int, default=3, help="runs at size N, the best counts (default 3)")
    parser.add_argument("--timeout", type=float, default=600, help="seconds allowed per process")
    parser.add_argument("--child", nargs=2, metavar=("CASE", "SIZE"), help=argparse.SUPPRESS)
    parser.add_argument("--profile", nargs=2, metavar=("CASE", "SIZE"), help="cProfile one case at one size")
    args = parser.parse_args(argv)

    if args.child:
        print(json.dumps(child(args.child[0], int(args.child[1]), args.repeat, profile=False)))
        return 0
    if args.profile:
        print(json.dumps(child(args.profile[0], int(args.profile[1]), 1, profile=True)))
        return 0

    import cleaner

    print(f"cleaner {cleaner.__version__}, Python {sys.version.split()[0]}, {os.cpu_count()} CPUs; "
          f"each size in a fresh process; seconds = CPU time, best of {args.repeat} at N, 1 run at 10N\n")
    header = f"| {'case':<17} | {'sizes':<29} | {'N: s':>7} | {'10N: s':>7} | {'ratio':>6} | " \
             f"{'peak MB N (+grew)':>18} | {'peak MB 10N (+grew)':>19} | {'paragraphs N/10N':>16} | verdict |"
    print(header)
    print("|" + "|".join("-" * (len(cell)) for cell in header.split("|")[1:-1]) + "|")
    failed = False
    for name, (mode, _, n, what) in CASES.items():
        if args.only not in name:
            continue
        small = run_case(name, n, args.repeat, args.timeout)
        if "skipped" in small:
            print(f"| {name:<17} | {what:<29} | {'':>7} | {'':>7} | {'':>6} | {'':>18} | {'':>19} | {'':>16} | skipped: {small['skipped']}")
            continue
        large = run_case(name, 10 * n, 1, args.timeout) if "error" not in small else {"error": "not run"}
        if "error" in small or "error" in large:
            failed = True
            print(f"| {name:<17} | {what:<29} | ERROR: N: {small.get('error', 'ok')}; 10N: {large.get('error', 'ok')} |")
            continue
        ratio = large["seconds"] / small["seconds"] if small["seconds"] else float("inf")
        verdict = "ok" if ratio <= LIMIT else "FAIL"
        if not small["paragraphs"] or not large["paragraphs"]:  # every input holds an article
            verdict = "LOST" if verdict == "ok" else "FAIL+LOST"
        failed |= verdict != "ok"
        print(f"| {name:<17} | {what:<29} | {small['seconds']:7.2f} | {large['seconds']:7.2f} | {ratio:6.1f} | "
              f"{small['peak_mb']:8.0f} (+{small['grew_mb']:6.0f}) | {large['peak_mb']:9.0f} (+{large['grew_mb']:6.0f}) | "
              f"{small['paragraphs']:>7} / {large['paragraphs']:<6} | {verdict:<7} |")
        sys.stdout.flush()
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
