"""How much of cleaner's accuracy is tuning? Its thresholds, fitted on one set, scored on another.

cleaner's thresholds were set by hand while looking at errors on both development
benchmarks (AEB, fundus), so the F1 the README gives is a development number. This
script estimates what choosing the thresholds without seeing the scored pages would
have given:

1. Grid: each threshold of ``THRESHOLDS`` is varied over a few values around its
   shipped one, one at a time, the others at their shipped values, and every page of
   both sets is cleaned (text mode) and scored by its benchmark's own metric
   (``cleaner.evaluate``). Per-page precision and recall are kept, so any subset of
   pages can be scored as its benchmark defines F1.
2. Fitting on a set of pages picks, for each threshold on its own, the grid value with
   the best F1 there (ties: the shipped value, else the nearest to it), under each of
   ``RULES`` (any gain, or a gain of at least 0.001); the picks are then run together
   (a joint run) on the pages scored, since one-at-a-time gains do not simply add.
3. Report: the shipped values' F1; fit on AEB and score fundus and the reverse (and fit
   on both); 5-fold cross-validation within each set, with folds grouped by site (the
   publisher for fundus, the URL's host for AEB) so one site's pages never sit on both
   sides; and, per threshold, how F1 moves across its grid (is the shipped value on a
   plateau or at the edge of a cliff?).

What this cannot measure: the rules themselves and the lexicon's phrases were also
written looking at errors on both sets; only the named numbers are refitted here.

Usage::

    python benchmarks/tuning.py                     # grid + joint runs + report (~2-3 min, 2 cores)
    python benchmarks/tuning.py --out /tmp/t.json   # also keep the per-page scores
    python benchmarks/tuning.py --load /tmp/t.json  # the report again from them, without the grid

Constants are monkeypatched only while one run lasts (in worker processes when
``--jobs`` > 1) and restored afterwards; nothing is cached in the repository.
"""

from __future__ import annotations

import argparse
import importlib
import json
import multiprocessing
import random
import statistics
import sys
import time
from collections import Counter
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterator, Sequence
from urllib.parse import urlsplit

from cleaner import Config, clean, evaluate

SETS = ("aeb", "fundus")
FOLDS = 5
SEED = 20240601


@dataclass(frozen=True)
class Threshold:
    """A named number: ``module.NAME`` (a module constant) or ``Config.field`` (a setting)."""

    name: str
    grid: tuple[Any, ...]  # values tried around the shipped one

    @property
    def values(self) -> tuple[Any, ...]:
        """The grid with the shipped value in it, even if the code's value has moved since."""
        return tuple(sorted({*self.grid, shipped(self.name)}))


THRESHOLDS = (
    Threshold("classify.MIN_STOP_SHARE", (0.1, 0.15, 0.2, 0.25, 0.3)),
    Threshold("classify.MAX_DIGIT_SHARE", (0.15, 0.2, 0.25, 0.3, 0.4)),
    Threshold("classify.NOISE_PENALTY", (0, 1, 3, 5, 8)),
    Threshold("classify.PREFIX_HEADING_WORDS", (3, 4, 5, 7, 10)),
    Threshold("classify.LINK_BLOCK_CAPITALS", (0.6, 0.7, 0.75, 0.85, 0.95)),
    Threshold("revise.ISOLATED_SHARE", (0.1, 0.2, 0.3, 0.5, 0.7)),
    Threshold("revise.ISOLATED_MAX_WORDS", (30, 45, 60, 80, 120)),
    Threshold("revise.LINE_RUN_PENALTY", (0.0, 1.0, 2.0, 3.0, 5.0)),
    Threshold("revise.ANCHOR_BOOST", (1.0, 1.5, 2.0, 3.0, 4.0)),
    Threshold("revise.ANCHOR_WINDOW", (4, 8, 12, 16, 24)),
    Threshold("revise.MARKER_WEIGHT", (1.0, 3.0, 5.0, 8.0, 12.0)),
    Threshold("revise.MIN_ARTICLE_WEIGHT", (20.0, 30.0, 40.0, 60.0, 90.0)),
    Threshold("revise.SECTION_END_WORDS", (8, 12, 15, 20, 30)),
    Threshold("revise.STANDFIRST_GAP", (1, 2, 4, 6, 8)),
    Threshold("title.DEK_GAP", (4, 7, 10, 14, 20)),
    Threshold("title.TITLE_WINDOW", (4, 8, 12, 16, 24)),
    Threshold("revise.SECTION_HEADING_SHARE", (0.3, 0.45, 0.6, 0.75, 1.0)),
    Threshold("revise.SECTION_MIN_ITEMS", (1, 2, 3, 4, 6)),
    Threshold("revise.INTRO_MIN_WORDS", (4, 6, 8, 12, 16)),
    Threshold("revise.TEASER_DATE_WORDS", (0, 2, 4, 6, 8)),
    Threshold("revise.BIO_HEADING_WORDS", (0, 2, 3, 4, 6)),
    Threshold("title.PAGE_TITLE_HEAD_WORDS", (2, 3, 5, 8, 1000)),
    Threshold("title.TITLE_WORDS_SHARE", (0.2, 0.3, 0.4, 0.6, 2.0)),
    Threshold("title.HEADLINE_COMMON_WORDS", (1, 2, 3, 5, 1000)),
    Threshold("title.STANDFIRST_LINE_WORDS", (8, 10, 12, 16, 20)),
    Threshold("title.STANDFIRST_TITLE_SHARE", (0.4, 0.5, 0.6, 0.8, 1.0)),
    Threshold("title.HEADLINE_PAIR_SHARE", (0.6, 0.7, 0.8, 0.9, 1.0)),
    Threshold("title.REPEAT_TITLE_SHARE", (0.0, 0.3, 0.5, 0.7, 1.0)),
    Threshold("revise.CONTENT_WORD_CHARS", (1, 3, 4, 6, 1000)),
    Threshold("revise.STEP_NUMBER_WORDS", (0, 1, 2, 3, 5)),
    Threshold("revise.TEASER_CARD_WORDS", (0, 20, 30, 40, 60)),
    Threshold("revise.TEASER_CARDS", (1, 2, 3, 4, 1000)),
    Threshold("revise.CARD_HEADLINE_WORDS", (0, 6, 9, 12, 16)),
    Threshold("revise.COPY_MIN_WORDS", (50, 100, 150, 250, 400)),
    Threshold("revise.COPY_PARAGRAPHS", (1, 2, 3, 5, 1000)),
    Threshold("revise.COPY_PREFIX_CHARS", (20, 40, 60, 100, 160)),
    Threshold("revise.TABLE_LINES", (2, 3, 4, 6, 8)),
    Threshold("revise.TABLE_MARKS", (1, 2, 3)),
    Threshold("patterns.INLINE_LINK_WORDS", (0, 10, 15, 25, 40)),
    Threshold("patterns.KICKER_HEADLINE_WORDS", (1, 2, 3, 5, 1000)),
    Threshold("patterns.CREDIT_NAME_WORDS", (0, 2, 4, 6, 8)),
    Threshold("classify.WORDY_MIN_WORDS", (5, 6, 8, 10, 14)),
    Threshold("Config.min_body_words", (3, 4, 5, 6, 8)),
    Threshold("Config.min_context_words", (1, 2, 3, 4, 5)),
    Threshold("Config.long_block_words", (15, 20, 25, 30, 40)),
)

#: Modules that bind a constant under the same name (``from .classify import NOISE_PENALTY``)
#: are patched with it: text mode reads classify's, HTML mode and profiles read their own copy.
ALSO_BOUND = {"classify.NOISE_PENALTY": ("html", "profile")}


def _module(short: str):
    return importlib.import_module(f"cleaner.{short}")


def shipped(name: str) -> Any:
    """The value cleaner ships with, read from the code (never from a copy here)."""
    where, attr = name.split(".")
    return getattr(Config(), attr) if where == "Config" else getattr(_module(where), attr)


@contextmanager
def patched(settings: dict[str, Any]) -> Iterator[Config]:
    """Set module constants for the duration of a run and yield the Config with the
    overridden settings; every constant is restored on exit, even after an error."""
    saved: list[tuple[Any, str, Any]] = []
    overrides = {}
    try:
        for name, value in settings.items():
            where, attr = name.split(".")
            if where == "Config":
                overrides[attr] = value
                continue
            for short in (where, *ALSO_BOUND.get(name, ())):
                mod = _module(short)
                saved.append((mod, attr, getattr(mod, attr)))
                setattr(mod, attr, value)
        yield Config(**overrides)
    finally:
        for mod, attr, value in reversed(saved):
            setattr(mod, attr, value)


# --- pages and scores --------------------------------------------------------------

Score = tuple[float, float, bool]  # one page's precision, recall, and whether the output was empty


@dataclass
class Set:
    """One benchmark's text-mode pages, and the site each comes from (for grouped folds)."""

    name: str
    metric: str
    pages: list[evaluate.Page]
    groups: list[str]


def _groups(path: Path, ids: list[str]) -> list[str]:
    """The site of each page: fundus's publisher, else the host of the gold's URL, else the id."""
    site: dict[str, str] = {}
    if (path / "pages.jsonl").is_file():
        for line in (path / "pages.jsonl").read_text(encoding="utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                site[row["id"]] = row.get("publisher") or ""
    elif (path / "ground-truth.json").is_file():
        truth = json.loads((path / "ground-truth.json").read_text(encoding="utf-8"))
        site = {k: urlsplit(v.get("url") or "").hostname or "" for k, v in truth.items()}
    return [site.get(i) or i for i in ids]


def load(name: str | Path, limit: int | None = None) -> Set:
    bench = evaluate.load_bench(name, "text", limit=limit)
    return Set(bench.name, bench.metric, bench.pages, _groups(bench.path, [p.id for p in bench.pages]))


def score_run(pages: Sequence[evaluate.Page], metric: str, settings: dict[str, Any]) -> list[Score]:
    """Clean the pages with the settings in force and score each by the benchmark's metric."""
    with patched(settings) as config:
        outputs = [clean(p.input, config=config) for p in pages]
    scored = (evaluate.score_page(p.id, o, p.gold, metric) for p, o in zip(pages, outputs))
    return [(r.precision, r.recall, r.empty) for r in scored]


def set_f1(metric: str, scores: Sequence[Score]) -> float:
    """F1 of a subset of pages as its benchmark defines it (cleaner.evaluate.summarise)."""
    pages = [evaluate.PageResult("", p, r, evaluate.f1(p, r), 0.0, e, [], "") for p, r, e in scores]
    bench = evaluate.Bench("", Path(), "text", metric, [])
    return evaluate.summarise(bench, "cleaner", pages, 1.0).f1


# --- running (in worker processes: each patches its own copy of the modules) --------

_SETS: dict[str, Set] = {}


def _job(job: tuple[str, dict[str, Any], list[int] | None]) -> list[Score]:
    name, settings, indices = job
    s = _SETS[name]
    pages = s.pages if indices is None else [s.pages[i] for i in indices]
    return score_run(pages, s.metric, settings)


def run_jobs(sets: dict[str, Set], jobs: list[tuple[str, dict[str, Any], list[int] | None]], processes: int) -> list[list[Score]]:
    """Run (set, settings, page indices or None) jobs; forked workers inherit the loaded pages."""
    _SETS.update(sets)
    if processes <= 1 or len(jobs) <= 1:
        return [_job(j) for j in jobs]
    with multiprocessing.get_context("fork").Pool(processes) as pool:
        return pool.map(_job, jobs, chunksize=1)


def grid(sets: dict[str, Set], thresholds: Sequence[Threshold], processes: int) -> dict[str, dict[str, list[Score]]]:
    """Per-page scores for the shipped values ("shipped") and each (threshold, value) key
    "NAME=value" other than the shipped one, on every set."""
    keys: list[tuple[str, dict[str, Any]]] = [("shipped", {})]
    for t in thresholds:
        keys += [(key(t.name, v), {t.name: v}) for v in t.values if v != shipped(t.name)]
    jobs = [(s, settings, None) for _, settings in keys for s in sets]
    # The slowest jobs first, so the last one does not leave a worker idle.
    order = sorted(range(len(jobs)), key=lambda j: -len(sets[jobs[j][0]].pages))
    results = run_jobs(sets, [jobs[j] for j in order], processes)
    out: dict[str, dict[str, list[Score]]] = {s: {} for s in sets}
    for j, scores in zip(order, results):
        s, settings, _ = jobs[j]
        out[s][keys[j // len(sets)][0]] = scores
    return out


def key(name: str, value: Any) -> str:
    return f"{name}={value!r}"


# --- fitting -------------------------------------------------------------------------

#: Fitting rules: move a threshold to its best grid value if that gains at least this
#: much F1 over the shipped value on the fitting pages (0: any gain at all).
RULES = (("best value", 0.0), ("best if ≥ +0.001", 0.001))


class Study:
    """Per-page scores of the grid (and of joint runs), F1 on any subset of pages, and fits."""

    def __init__(self, sets: dict[str, Set], scores: dict[str, dict[str, list[Score]]],
                 thresholds: Sequence[Threshold], processes: int = 1):
        self.sets, self.scores, self.thresholds, self.processes = sets, scores, thresholds, processes

    def f1(self, s: str, scores: list[Score], indices: Sequence[int] | None = None) -> float:
        return set_f1(self.sets[s].metric, scores if indices is None else [scores[i] for i in indices])

    def one(self, s: str, name: str, value: Any) -> list[Score]:
        """Scores with one threshold at a grid value, the others shipped."""
        return self.scores[s]["shipped" if value == shipped(name) else key(name, value)]

    def fit(self, on: dict[str, Sequence[int] | None], margin: float = 0.0) -> dict[str, Any]:
        """Each threshold's best grid value on these pages (mean F1 over the sets given),
        one threshold at a time, kept if it gains at least `margin` over the shipped
        value; ties go to the shipped value, else the nearest to it."""
        picks = {}
        for t in self.thresholds:
            base = shipped(t.name)

            def gain(v: Any) -> float:
                return sum(self.f1(s, self.one(s, t.name, v), idx) for s, idx in on.items()) / len(on)

            def rank(v: Any) -> tuple[float, bool, int]:
                return (round(gain(v), 9), v == base, -abs(t.values.index(v) - t.values.index(base)))

            best = max(t.values, key=rank)
            picks[t.name] = best if gain(best) - gain(base) >= margin + 1e-9 or margin == 0 else base
        return picks

    def joint(self, s: str, picks: dict[str, Any]) -> list[Score]:
        """Scores with all the picks in force together (a joint run, see `run_joint`)."""
        moves = {n: v for n, v in picks.items() if v != shipped(n)}
        if len(moves) <= 1:  # on the grid already
            return self.scores[s][key(*next(iter(moves.items())))] if moves else self.scores[s]["shipped"]
        return self.scores[s][joint_key(moves)]

    def run_joint(self, wanted: list[tuple[str, dict[str, Any]]]) -> None:
        """Run the (set, picks) combinations not known yet, in one batch."""
        todo: dict[tuple[str, str], dict[str, Any]] = {}
        for s, picks in wanted:
            moves = {n: v for n, v in picks.items() if v != shipped(n)}
            if len(moves) > 1 and joint_key(moves) not in self.scores[s]:
                todo[(s, joint_key(moves))] = moves
        jobs = [(s, moves, None) for (s, _), moves in todo.items()]
        for (s, k), scores in zip(todo, run_jobs(self.sets, jobs, self.processes)):
            self.scores[s][k] = scores

    def changed(self, t: Threshold) -> int:
        """How many pages' scores differ from the shipped ones for some grid value of t."""
        n = 0
        for s in self.sets:
            rows = [self.one(s, t.name, v) for v in t.values]
            n += sum(len(set(column)) > 1 for column in zip(*rows))
        return n


def joint_key(moves: dict[str, Any]) -> str:
    return "joint " + " ".join(key(n, v) for n, v in sorted(moves.items()))


def folds(groups: Sequence[str], k: int = FOLDS, seed: int = SEED) -> list[list[int]]:
    """k folds of page indices, whole groups (sites) to a fold: groups in a seeded random
    order, largest first, each to the fold with fewest pages so far."""
    members: dict[str, list[int]] = {}
    for i, g in enumerate(groups):
        members.setdefault(g, []).append(i)
    names = sorted(members)
    random.Random(seed).shuffle(names)
    names.sort(key=lambda g: -len(members[g]))  # stable: ties keep the shuffled order
    out: list[list[int]] = [[] for _ in range(k)]
    for g in names:
        min(out, key=len).extend(members[g])
    return [sorted(f) for f in out]


# --- the report ----------------------------------------------------------------------


def moved(picks: Sequence[dict[str, Any]]) -> str:
    """The thresholds the picks move off their shipped values (with how many of several
    fits, the folds, chose each value)."""
    out = []
    for name in picks[0]:
        values = Counter(p[name] for p in picks if p[name] != shipped(name))
        if values:
            counts = ", ".join(f"{v!r}" + (f" ×{n}" if len(picks) > 1 else "") for v, n in sorted(values.items()))
            out.append(f"{name.split('.')[1]} {shipped(name)!r}→{counts}")
    return "; ".join(out) or "none"


def _cell(f: float, base: float) -> str:
    return f"{f:.4f} ({f - base:+.4f})"


def report(study: Study) -> str:
    """The tables: shipped vs fitted (across sets and cross-validated), picks, and the grid."""
    sets = study.sets
    names = list(sets)
    ship = {s: study.scores[s]["shipped"] for s in names}
    split = {s: folds(sets[s].groups) for s in names}
    plans = []  # per rule: fits on each set and on both, and per set the folds' fits
    for rule, margin in RULES:
        fits = {s: study.fit({s: None}, margin) for s in names}
        fits["both"] = study.fit({s: None for s in names}, margin)
        cv = {}
        for s in names:
            everyone = range(len(sets[s].pages))
            cv[s] = []
            for fold in split[s]:
                train = sorted(set(everyone) - set(fold))
                cv[s].append((train, fold, study.fit({s: train}, margin)))
        plans.append((rule, fits, cv))
    study.run_joint(
        [(s, picks) for _, fits, _ in plans for picks in fits.values() for s in names]
        + [(s, picks) for _, _, cv in plans for s in names for _, _, picks in cv[s]]
    )

    main = [
        "| rule | scored on | shipped | fit on itself (in-sample) | fit on the other set (held out) "
        f"| fit on both (in-sample) | {FOLDS}-fold CV: shipped on held-out folds "
        "| CV: fit, training folds (in-sample) | CV: fit, **held-out folds** |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    picks_rows = ["| rule | fitted on | thresholds moved (for CV: how many folds chose each value) |", "|---|---|---|"]
    for rule, fits, cv in plans:
        for s in names:
            other = next(n for n in names if n != s)
            base = study.f1(s, ship[s])
            cells = [_cell(study.f1(s, study.joint(s, fits[k])), base) for k in (s, other, "both")]
            folds_ship, folds_train, folds_test = [], [], []
            for train, fold, picks in cv[s]:
                run = study.joint(s, picks)
                folds_ship.append(study.f1(s, ship[s], fold))
                folds_train.append((study.f1(s, run, train), study.f1(s, ship[s], train)))
                folds_test.append(study.f1(s, run, fold))
            held_base = sum(folds_ship) / len(folds_ship)
            train_f = sum(f for f, _ in folds_train) / len(folds_train)
            train_base = sum(b for _, b in folds_train) / len(folds_train)
            deltas = [f - b for f, b in zip(folds_test, folds_ship)]
            cells += [
                f"{held_base:.4f}",
                _cell(train_f, train_base),
                _cell(sum(folds_test) / len(folds_test), held_base) + f" ±{statistics.pstdev(deltas):.4f}",
            ]
            main.append(f"| {rule} | {s} | {base:.4f} | " + " | ".join(cells) + " |")
        for k, picks in fits.items():
            picks_rows.append(f"| {rule} | {k} | {moved([picks])} |")
        for s in names:
            picks_rows.append(f"| {rule} | {s}, {FOLDS} folds | {moved([p for _, _, p in cv[s]])} |")

    a, b = names
    fit_a, fit_b = plans[0][1][a], plans[0][1][b]
    grid_rows = [
        f"| threshold | values (shipped in bold) | ΔF1 {a} | ΔF1 {b} | best − shipped, {a} / {b} "
        f"| {a}'s best on {b} / {b}'s best on {a} | pages changed |",
        "|---|---|---|---|---|---|---|",
    ]
    for t in study.thresholds:
        base = shipped(t.name)
        values = " / ".join(f"**{v}**" if v == base else str(v) for v in t.values)
        deltas, best = [], []
        for s in names:
            d = [study.f1(s, study.one(s, t.name, v)) - study.f1(s, ship[s]) for v in t.values]
            deltas.append(" ".join("0" if v == base else f"{x:+.4f}" for v, x in zip(t.values, d)))
            best.append(f"{max(d):+.4f}")
        cross = [
            f"{v} ({study.f1(s, study.one(s, t.name, v)) - study.f1(s, ship[s]):+.4f})"
            for v, s in ((fit_a[t.name], b), (fit_b[t.name], a))
        ]
        grid_rows.append(
            f"| {t.name} | {values} | {deltas[0]} | {deltas[1]} | {' / '.join(best)} "
            f"| {' / '.join(cross)} | {study.changed(t)} |"
        )
    return "\n".join(
        [
            "### Shipped vs fitted thresholds (text mode; F1 as each benchmark defines it, Δ vs shipped on the same pages)",
            "",
            "CV cells are means over the folds of each fold's F1; ± is the spread (SD) of the held-out Δ over the folds.",
            "",
            *main,
            "",
            "### What the fits chose",
            "",
            *picks_rows,
            "",
            "### Each threshold on its own (the others shipped; in-sample ΔF1 at each grid value)",
            "",
            *grid_rows,
        ]
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--bench", nargs=2, default=list(SETS), metavar=("A", "B"), help="two benchmarks")
    parser.add_argument("--jobs", type=int, default=multiprocessing.cpu_count(), help="worker processes")
    parser.add_argument("--limit", type=int, help="first N pages of each set (a quick look)")
    parser.add_argument("--out", type=Path, help="write the per-page scores here (JSON)")
    parser.add_argument("--load", type=Path, help="read per-page scores from --out instead of the grid")
    args = parser.parse_args(argv)
    start = time.perf_counter()
    sets = {s.name: s for s in (load(b, args.limit) for b in args.bench)}
    if args.load:
        raw = json.loads(args.load.read_text(encoding="utf-8"))
        scores = {s: {k: [tuple(x) for x in v] for k, v in by.items()} for s, by in raw.items()}
    else:
        scores = grid(sets, THRESHOLDS, args.jobs)
    study = Study(sets, scores, THRESHOLDS, args.jobs)
    print(report(study))
    if args.out:  # the joint runs too, so that --load makes the report without running anything
        args.out.write_text(json.dumps(study.scores), encoding="utf-8")
    for t in THRESHOLDS:
        if not study.changed(t):
            print(f"warning: no value of {t.name} changed any page's score", file=sys.stderr)
    pages = " + ".join(f"{len(s.pages)} {s.name}" for s in sets.values())
    print(f"\n{pages} pages, {len(THRESHOLDS)} thresholds, {args.jobs} processes, "
          f"{time.perf_counter() - start:.0f} s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
