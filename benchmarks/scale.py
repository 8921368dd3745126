"""Corpus-scale benchmarks (issue 5): jobs speed-up, streaming memory, site-profile gain.

    python benchmarks/scale.py speed   [--pages 3000]          1 vs 2 jobs, pages/s and ratio
    python benchmarks/scale.py memory  [--gb 1.0] [--jobs 2] [--cli]
                                                              peak RSS streaming a generated JSONL
    python benchmarks/scale.py profile [--min-pages 3]         F1 with and without a learned profile
    python benchmarks/scale.py all

The corpus is made of the shared benchmark pages (../shared/bench/{aeb,fundus}/text, or
$CLEANER_BENCH) and the fixtures, repeated. Nothing is written to the repository; the
memory benchmark writes its JSONL to the temporary folder and deletes it afterwards.
Timings on a shared machine are noisy: compare the ratio within one run.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Iterator
from urllib.parse import urlsplit

import cleaner
from cleaner import evaluate
from cleaner.profile import MIN_PAGES, learn

REPO = Path(__file__).resolve().parent.parent


def pages() -> list[str]:
    """Visible text of every benchmark page and fixture input."""
    root = evaluate.bench_root()
    files = sorted((root / "aeb" / "text").glob("*.txt")) + sorted((root / "fundus" / "text").glob("*.txt"))
    files += sorted((REPO / "fixtures").glob("*/input.txt"))
    return [f.read_text(encoding="utf-8") for f in files]


def _rss_mb(who: int) -> float:
    return resource.getrusage(who).ru_maxrss / 1024  # kilobytes on Linux


# --- (a) speed ------------------------------------------------------------------------


def speed(n_pages: int) -> None:
    base = pages()
    corpus = list(itertools.islice(itertools.cycle(base), n_pages))
    size = sum(map(len, corpus)) / 1e6
    print(f"speed: {n_pages} pages ({size:.1f} M characters), {os.cpu_count()} CPUs")
    list(cleaner.clean_many(base[:20]))  # warm up (lexicon, stoplists)
    rates, cpu = {}, {}
    for jobs in (1, 2):
        own, children = _cpu(resource.RUSAGE_SELF), _cpu(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        chars = sum(len(d.text) for d in cleaner.clean_many(corpus, jobs=jobs))
        seconds = time.perf_counter() - start
        own, children = _cpu(resource.RUSAGE_SELF) - own, _cpu(resource.RUSAGE_CHILDREN) - children
        rates[jobs], cpu[jobs] = n_pages / seconds, own + children
        print(f"  jobs={jobs}: {seconds:6.1f} s  {rates[jobs]:7.1f} pages/s  CPU {own:5.1f} s here "
              f"+ {children:5.1f} s in workers  ({chars:,} characters out)")
    print(f"  speed-up 2 jobs / 1 job: {rates[2] / rates[1]:.2f}x (target >= 1.8x on 2 idle cores)")
    print(f"  CPU cost of 2 jobs / 1 job: {cpu[2] / cpu[1]:.2f}x, so on 2 idle cores at most "
          f"{2 * cpu[1] / cpu[2]:.2f}x; load average now {os.getloadavg()[0]:.1f} "
          f"(above {os.cpu_count()} means other work competes for the cores)")


def _cpu(who: int) -> float:
    usage = resource.getrusage(who)
    return usage.ru_utime + usage.ru_stime


# --- (b) memory -----------------------------------------------------------------------


def write_corpus(path: Path, gigabytes: float) -> int:
    """A JSONL file of about ``gigabytes`` GB made of the benchmark pages; returns the record count."""
    records = [json.dumps({"text": text}, ensure_ascii=False) for text in pages()]
    target, written, count = gigabytes * 1e9, 0, 0
    with open(path, "w", encoding="utf-8") as handle:
        for n, record in enumerate(itertools.cycle(records)):
            line = f'{{"id": {n}, {record[1:]}\n'
            handle.write(line)
            written += len(line.encode("utf-8"))
            count += 1
            if written >= target:
                return count
    return count


def _texts(path: Path) -> Iterator[str]:
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            yield json.loads(line)["text"]


def memory(gigabytes: float, jobs: int, cli: bool) -> None:
    """Stream the corpus in a fresh process, so its peak memory is the cleaning's alone."""
    with tempfile.TemporaryDirectory(prefix="cleaner-scale-") as folder:
        path = Path(folder) / "corpus.jsonl"
        start = time.perf_counter()
        count = write_corpus(path, gigabytes)
        print(f"memory: wrote {path.stat().st_size / 1e9:.2f} GB, {count:,} records "
              f"in {time.perf_counter() - start:.0f} s")
        start = time.perf_counter()
        if cli:
            how = "cleaner CLI, stdin -> stdout (--jsonl)"
            with open(path, "rb") as stdin, open(os.devnull, "wb") as devnull:
                subprocess.run([sys.executable, "-m", "cleaner", "--jsonl", "-"], stdin=stdin,
                               stdout=devnull, check=True)
            peak = _rss_mb(resource.RUSAGE_CHILDREN)
            print(f"  {how}: {count:,} records in {time.perf_counter() - start:.0f} s; "
                  f"peak RSS of the command {peak:.0f} MB (target < 300 MB)")
        else:
            subprocess.run([sys.executable, __file__, "_stream", str(path), "--jobs", str(jobs)], check=True)


def _stream(path: Path, jobs: int) -> None:
    """Run in its own process by memory(): clean_many over the file, read line by line."""
    start, out = time.perf_counter(), 0
    with open(os.devnull, "w", encoding="utf-8") as sink:
        for document in cleaner.clean_many(_texts(path), jobs=jobs):
            sink.write(json.dumps({"title": document.title, "text": document.text}) + "\n")
            out += 1
    seconds = time.perf_counter() - start
    own, child = _rss_mb(resource.RUSAGE_SELF), _rss_mb(resource.RUSAGE_CHILDREN)
    workers = jobs if jobs > 1 else 0
    print(f"  clean_many(jobs={jobs}) over a generator reading the file line by line: "
          f"{out:,} documents in {seconds:.0f} s ({out / seconds:.0f} pages/s)")
    print(f"  peak RSS: main process {own:.0f} MB, largest worker {child:.0f} MB; "
          f"main + {workers} x largest worker = {own + workers * child:.0f} MB (target < 300 MB; "
          f"RSS counts the pages workers share with the main process twice)")


# --- (c) profile gain -----------------------------------------------------------------


def _groups(bench: str) -> dict[str, str]:
    """Page id -> source: fundus's publisher, the AEB page URL's host."""
    root = evaluate.resolve_bench(bench)
    if (root / "pages.jsonl").is_file():
        records = [json.loads(line) for line in (root / "pages.jsonl").read_text(encoding="utf-8").splitlines()]
        return {r["id"]: r["publisher"] for r in records}
    truth = json.loads((root / "ground-truth.json").read_text(encoding="utf-8"))
    return {i: (urlsplit(v.get("url") or "").hostname or i) for i, v in truth.items()}


def profile_gain(min_pages: int) -> None:
    for bench in ("aeb", "fundus"):
        loaded = evaluate.load_bench(bench, "text")
        groups = _groups(bench)
        profile = learn(((groups.get(p.id, p.id), p.input) for p in loaded.pages), min_pages=min_pages)
        sizes = sorted({n for _, n in profile.groups})
        with_config = cleaner.Config(profile=profile)
        plain = evaluate.evaluate_system(loaded, "cleaner", cleaner.clean)
        learned = evaluate.evaluate_system(loaded, "cleaner+profile", lambda t: cleaner.clean(t, config=with_config))
        print(f"profile on {bench} ({loaded.metric} metric, {len(loaded.pages)} pages, "
              f"{len(profile.groups)} sources of {sizes[0]}-{sizes[-1]} pages, min_pages={min_pages}): "
              f"{len(profile)} lines learned")
        for r in (plain, learned):
            print(f"  {r.system:16} F1 {r.f1:.3f}  P {r.precision:.3f}  R {r.recall:.3f}  "
                  f"page F1 {r.page_f1:.3f}")
        changed = sum(a.output != b.output for a, b in zip(plain.pages, learned.pages))
        print(f"  gain {learned.f1 - plain.f1:+.4f} F1, {learned.page_f1 - plain.page_f1:+.4f} page F1; "
              f"{changed} pages' output changed")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("what", choices=("speed", "memory", "profile", "all", "_stream"))
    parser.add_argument("path", nargs="?", help=argparse.SUPPRESS)
    parser.add_argument("--pages", type=int, default=3000)
    parser.add_argument("--gb", type=float, default=1.0)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--cli", action="store_true", help="memory: stream through the cleaner command")
    parser.add_argument("--min-pages", type=int, default=MIN_PAGES)
    args = parser.parse_args(argv)
    if args.what == "_stream":
        _stream(Path(args.path), args.jobs)
        return 0
    if args.what in ("speed", "all"):
        speed(args.pages)
    if args.what in ("profile", "all"):
        profile_gain(args.min_pages)
    if args.what in ("memory", "all"):
        memory(args.gb, args.jobs, args.cli)
    return 0


if __name__ == "__main__":
    sys.exit(main())
