"""Where text mode spends its time, and what a faster hot path could win (issue 3's speed target).

    python benchmarks/stages.py [--repeat 7]

For each development set (../shared/bench/{aeb,fundus}/text, or $CLEANER_BENCH) it times, page by
page in turn and keeping each page's fastest run:

- ``full``: one text-mode pass, as ``cleaner.clean`` runs it (pipeline.run on the segments);
- ``segment``, ``+ features``, ``+ lexicon``: the per-block stages alone, cumulatively;
- ``rest``: the same pass with every block's features and lexicon match already known, i.e.
  language, classify, the rounds of revise and the Document: what remains if those two per-block
  stages cost nothing (an upper bound for compiling them).

Nothing is written. Timings on a shared machine drift: compare the columns within one run.
"""

from __future__ import annotations

import argparse
import time
from typing import Callable

from cleaner import evaluate
from cleaner.config import resolve
from cleaner.features import features
from cleaner.lexicon import DEFAULT
from cleaner.patterns import match_block
from cleaner.pipeline import Known, run
from cleaner.segment import segment


def _known(text: str) -> Known:
    """Every distinct block's features and lexicon match, as a pipeline pass works them out."""
    known = Known()
    run(segment(text), resolve(None, {}), known=known)
    return Known(features=known.features, matches=known.matches)


def measure(texts: list[str], repeat: int) -> dict[str, float]:
    """Milliseconds a page for each stage, summed over pages of each page's fastest run."""
    config = resolve(None, {})
    knowns = [_known(t) for t in texts]

    def distinct(t: str) -> list[str]:
        return list(dict.fromkeys(s.text for s in segment(t)))

    stages: dict[str, Callable[[int], object]] = {
        "full": lambda i: run(segment(texts[i]), config, known=Known()),
        "segment": lambda i: segment(texts[i]),
        "+ features": lambda i: [features(b) for b in distinct(texts[i])],
        "+ lexicon": lambda i: [(features(b), match_block(DEFAULT, b)) for b in distinct(texts[i])],
        "rest": lambda i: run(
            segment(texts[i]), config, known=Known(features=knowns[i].features, matches=knowns[i].matches)
        ),
    }
    best = {name: [float("inf")] * len(texts) for name in stages}
    for _ in range(repeat):
        for i in range(len(texts)):
            for name, stage in stages.items():  # page by page in turn: drift cannot split the stages
                start = time.perf_counter()
                stage(i)
                best[name][i] = min(best[name][i], time.perf_counter() - start)
    return {name: sum(times) * 1000 / len(texts) for name, times in best.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()
    root = evaluate.bench_root()
    print("| set | full | segment | + features | + lexicon | rest | full / rest |")
    print("|---|---|---|---|---|---|---|")
    for name in ("aeb", "fundus"):
        texts = [p.read_text(encoding="utf-8") for p in sorted((root / name / "text").glob("*.txt"))]
        ms = measure(texts, args.repeat)
        cells = " | ".join(f"{ms[k]:.2f} ms" for k in ("full", "segment", "+ features", "+ lexicon", "rest"))
        print(f"| {name} | {cells} | {ms['full'] / ms['rest']:.2f}× |")


if __name__ == "__main__":
    main()
