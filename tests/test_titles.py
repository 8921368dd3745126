"""benchmarks/titles.py reads gold headlines and judges titles as it says."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

_PATH = Path(__file__).resolve().parent.parent / "benchmarks" / "titles.py"
_spec = importlib.util.spec_from_file_location("titles", _PATH)
titles = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(titles)


def test_judge():
    gold = "Council approves the budget"
    assert titles.judge("  council approves  the BUDGET ", gold) == "exact"
    assert titles.judge("Council approves the budget - The Gazette", gold) == "close"
    assert titles.judge("Budget", gold) == "close"
    assert titles.judge("Home", gold) == "wrong"
    assert titles.judge("‘Whingers’ won’t recover", "'Whingers' won't recover") == "exact"
    assert titles.judge('"Why fight?" he asked', "Why fight? he asked") == "exact"
    assert titles.judge("Helikopter\u00adlandeplatz", "Helikopterlandeplatz") == "exact"
    assert titles.judge(None, gold) == titles.judge("", gold) == "wrong"


def test_gold_titles_and_the_table(tmp_path, capsys):
    (tmp_path / "text").mkdir()
    page = "Council approves the budget - The Gazette\nHome\nCouncil approves the budget\n" + "The council voted on Tuesday night to approve the budget. " * 3
    (tmp_path / "text" / "a.txt").write_text(page, encoding="utf-8")
    (tmp_path / "text" / "b.txt").write_text(page, encoding="utf-8")
    (tmp_path / "gold").mkdir()
    for name in ("a", "b"):
        (tmp_path / "gold" / f"{name}.txt").write_text("The council voted.", encoding="utf-8")
    lines = [{"id": "a", "title": "Council approves the budget"}, {"id": "b", "title": "Something else entirely"}, {"id": "c"}]
    (tmp_path / "pages.jsonl").write_text("\n".join(json.dumps(x) for x in lines) + "\n", encoding="utf-8")
    assert titles.gold_titles(tmp_path) == {"a": "Council approves the budget", "b": "Something else entirely"}
    assert titles.main(["--bench", str(tmp_path)]) == 0
    row = next(line for line in capsys.readouterr().out.splitlines() if line.startswith("| cleaner, text"))
    assert row == "| cleaner, text | 2 | 50.0% | 0.0% | 50.0% |"


def test_no_titles_is_an_error(tmp_path):
    assert titles.main(["--bench", str(tmp_path)]) == 2
