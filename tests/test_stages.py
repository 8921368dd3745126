"""benchmarks/stages.py times what it says: its "rest" pass decides exactly as a full pass."""

from __future__ import annotations

import importlib.util
from pathlib import Path

from cleaner.config import resolve
from cleaner.pipeline import Known, run
from cleaner.segment import segment

_PATH = Path(__file__).resolve().parent.parent / "benchmarks" / "stages.py"
_spec = importlib.util.spec_from_file_location("stages", _PATH)
stages = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(stages)

PAGE = "\n".join(
    [
        "Council approves the budget - The Gazette",
        "Home",
        "News",
        "Council approves the budget",
        "The council voted on Tuesday night to approve the city's budget for next year after a long debate.",
        "The opposition said the plan would raise local taxes for families already struggling with costs.",
        "Home",
        "Privacy policy",
    ]
)


def test_known_holds_every_distinct_block_and_decides_as_a_full_pass():
    known = stages._known(PAGE)
    blocks = {s.text for s in segment(PAGE)}
    assert set(known.features) == blocks and set(known.matches) == blocks
    config = resolve(None, {})
    fresh = run(segment(PAGE), config, known=Known())
    given = run(segment(PAGE), config, known=Known(features=known.features, matches=known.matches))
    assert [b.reason for b in given.blocks] == [b.reason for b in fresh.blocks]
    assert given.text == fresh.text


def test_measure_times_every_stage():
    ms = stages.measure([PAGE, PAGE.upper()], repeat=1)
    assert set(ms) == {"full", "segment", "+ features", "+ lexicon", "rest"}
    assert all(value > 0 for value in ms.values())
