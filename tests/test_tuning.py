"""benchmarks/tuning.py must measure something: varying a threshold changes the scores it
records, and the constants it patches are back to their shipped values afterwards."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

from cleaner import classify, clean, evaluate, revise

_PATH = Path(__file__).resolve().parent.parent / "benchmarks" / "tuning.py"
_spec = importlib.util.spec_from_file_location("tuning", _PATH)
tuning = importlib.util.module_from_spec(_spec)
sys.modules["tuning"] = tuning  # dataclasses look their module up there
_spec.loader.exec_module(tuning)

ARTICLE = [
    "The river rose again on Tuesday, and the town was not ready for it when the water came in the night.",
    "Most of the people who live by the bridge had moved their cars, but the shops on the main street had not.",
    "By the morning the water was at the doors of the school, and the mayor said that it would be closed all week.",
    "It is the third flood in five years, and the people of the town have asked for a new wall along the river.",
]
NOISE = ["Home", "News", "Sport", "Weather", "Share this article", "Sign up for our newsletter", "Privacy policy"]


def _page(i: int) -> evaluate.Page:
    lines = ["The river rises again", *NOISE[:4], *ARTICLE[i:] + ARTICLE[:i], *NOISE[4:]]
    return evaluate.Page(f"p{i}", "\n".join(lines) + "\n", "\n".join(ARTICLE[i:] + ARTICLE[:i]))


def _sets() -> dict[str, tuning.Set]:
    pages = [_page(i) for i in range(3)]
    return {"tiny": tuning.Set("tiny", "tokens", pages, ["a", "a", "b"])}


def test_every_threshold_resolves_to_a_number():
    for t in tuning.THRESHOLDS:
        value = tuning.shipped(t.name)
        assert isinstance(value, (int, float)) and not isinstance(value, bool), t.name
        assert value in t.values and len(t.values) >= 3, t.name


def test_patched_sets_and_restores_constants_even_after_an_error():
    before = (classify.MIN_STOP_SHARE, revise.ANCHOR_BOOST)
    with pytest.raises(RuntimeError):
        with tuning.patched({"classify.MIN_STOP_SHARE": 0.9, "revise.ANCHOR_BOOST": 7.0, "Config.min_body_words": 9}) as config:
            assert (classify.MIN_STOP_SHARE, revise.ANCHOR_BOOST) == (0.9, 7.0)
            assert config.min_body_words == 9
            raise RuntimeError
    assert (classify.MIN_STOP_SHARE, revise.ANCHOR_BOOST) == before


def test_varying_a_threshold_changes_the_recorded_scores_and_restores_it():
    sets = _sets()
    assert clean(sets["tiny"].pages[0].input) == ARTICLE  # the shipped values clean the page exactly
    before = classify.MIN_STOP_SHARE
    # No block can have more than all its words in the stoplist, nor 1000 words: no prose at all.
    thresholds = [
        tuning.Threshold("classify.MIN_STOP_SHARE", (before, 1.01)),
        tuning.Threshold("Config.min_body_words", (1000,)),
    ]
    scores = tuning.grid(sets, thresholds, processes=1)["tiny"]
    assert classify.MIN_STOP_SHARE == before
    assert [round(p, 6) for p, _, _ in scores["shipped"]] == [1.0, 1.0, 1.0]
    for changed in ("classify.MIN_STOP_SHARE=1.01", "Config.min_body_words=1000"):
        assert scores[changed] != scores["shipped"], changed

    study = tuning.Study(sets, {"tiny": scores}, thresholds)
    picks = study.fit({"tiny": None})
    assert picks == {"classify.MIN_STOP_SHARE": before, "Config.min_body_words": 5}
    assert study.changed(thresholds[0]) == 3


def test_folds_keep_each_site_on_one_side():
    groups = ["a", "a", "b", "c", "c", "c", "d", "e", "f", "g"]
    folds = tuning.folds(groups, k=3, seed=1)
    assert sorted(i for f in folds for i in f) == list(range(len(groups)))
    for site in set(groups):
        holding = [n for n, f in enumerate(folds) if any(groups[i] == site for i in f)]
        assert len(holding) == 1, site
    assert folds == tuning.folds(groups, k=3, seed=1)
