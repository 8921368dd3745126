"""Quality gate: cleaner's F1 on the shared benchmarks must not fall below the pinned floors.

Floors live in tests/quality_floors.json as {bench: {mode: F1}}; the "html" floors apply
only once cleaner.clean_html exists. The benchmarks are found as `python -m
cleaner.evaluate` finds them ($CLEANER_BENCH, else ../shared/bench beside the repository);
without them the tests are skipped.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import cleaner
from cleaner.evaluate import bench_root, run

FLOORS = json.loads((Path(__file__).parent / "quality_floors.json").read_text(encoding="utf-8"))
CASES = [(bench, mode) for bench, modes in FLOORS.items() for mode in modes]


@pytest.mark.parametrize("bench,mode", CASES, ids=[f"{b}-{m}" for b, m in CASES])
def test_f1_at_least_floor(bench: str, mode: str) -> None:
    path = bench_root() / bench
    if not path.is_dir():
        pytest.skip(f"benchmark {bench!r} not found at {path} (set CLEANER_BENCH to the folder holding it)")
    if mode == "html" and not hasattr(cleaner, "clean_html"):
        pytest.skip("cleaner.clean_html does not exist yet")
    (result,) = run(path, mode, ["cleaner"])
    floor = FLOORS[bench][mode]
    assert result.f1 >= floor, (
        f"{bench} {mode} mode: F1 {result.f1:.3f} < floor {floor:.3f} "
        f"(P {result.precision:.3f} R {result.recall:.3f}; see python -m cleaner.evaluate "
        f"--bench {bench} --mode {mode} --systems cleaner --worst 10)"
    )
