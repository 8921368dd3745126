"""Every real page we have, cleaned with the promises checked on each.

* text mode: every page of both development benchmarks (``../shared/bench/{aeb,fundus}/text/*.txt``
  beside the repository), every fixture (``fixtures/*/input.txt``) and every seed
  (``seeds/*.txt``): no exception, no invention, every block explained, idempotent,
  deterministic (tests/promises.py, ``check_text``);
* HTML mode, when it exists: every ``html/*.html.gz`` page of both benchmarks, as bytes:
  no exception, no invention against the page's visible text, every block explained;
  and, in one test over all pages, the text-mode idempotence of its output.

The benchmark part skips when ../shared/bench is absent. One test per page, so a
failure names the page.
"""

from __future__ import annotations

import functools
import gzip
import os
from pathlib import Path

import pytest

import promises

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT.parent / "shared" / "bench"
BENCHMARKS = ("aeb", "fundus")
#: HTML mode on every benchmark page unless this is set to a number N: then every
#: N-th page in name order (a deterministic sample), for a quicker local run.
HTML_EVERY = int(os.environ.get("CLEANER_HTML_PAGES_EVERY", "1"))


def _pages(pattern: str) -> list[Path]:
    return sorted(path for name in BENCHMARKS for path in (BENCH / name).glob(pattern))


def _id(path: Path) -> str:
    return str(path.relative_to(BENCH if BENCH in path.parents else ROOT))


def _params(paths: list[Path]) -> list[object]:
    return [pytest.param(path, id=_id(path)) for path in paths]


TEXT_PAGES = _pages("text/*.txt")
HTML_PAGES = _pages("html/*.html.gz")[:: max(HTML_EVERY, 1)]
LOCAL_PAGES = sorted(ROOT.glob("fixtures/*/input.txt")) + sorted(ROOT.glob("seeds/*.txt"))

no_bench = pytest.mark.skipif(not BENCH.is_dir(), reason=f"no development benchmarks at {BENCH}")
no_html = pytest.mark.skipif(promises.html_cleaner() is None, reason=promises.html_missing_reason())


@no_bench
@pytest.mark.parametrize("path", _params(TEXT_PAGES) or [pytest.param(None, id="none")])
def test_benchmark_page_text_mode(path):
    if path is None:
        pytest.skip(f"no text pages under {BENCH}")
    promises.check_text(path.read_text(encoding="utf-8"))


@no_bench
def test_benchmark_pages_are_idempotent_without_the_title():
    """keep_title=False leaves the title out of the output, so run()'s fixed point is not
    the output: the settling rounds must make it one on real pages too."""
    changed = []
    for path in TEXT_PAGES + LOCAL_PAGES:
        doc = promises.cleaner.clean_document(path.read_text(encoding="utf-8"), keep_title=False)
        assert doc.title is None
        assert not any("did not settle" in b.reason for b in doc.blocks), _id(path)
        if promises.cleaner.clean_document(doc.text, keep_title=False).text != doc.text:
            changed.append(_id(path))
    assert not changed, f"{len(changed)} pages change: {changed[:5]}"


@pytest.mark.parametrize("path", _params(LOCAL_PAGES))
def test_fixture_and_seed_text_mode(path):
    promises.check_text(path.read_text(encoding="utf-8"))


def test_there_are_fixtures_and_seeds():
    assert LOCAL_PAGES, "no fixtures/*/input.txt nor seeds/*.txt found"


@functools.lru_cache(maxsize=None)
def _html_document(path: Path):
    """HTML mode's Document for one page, computed once per test session."""
    return promises.html_cleaner()(gzip.decompress(path.read_bytes()))


@no_bench
@no_html
@pytest.mark.parametrize("path", _params(HTML_PAGES) or [pytest.param(None, id="none")])
def test_benchmark_page_html_mode(path):
    if path is None:
        pytest.skip(f"no HTML pages under {BENCH}")
    # Determinism is checked on generated pages (test_hostile.py); here each page once.
    promises.check_html_no_invention(gzip.decompress(path.read_bytes()), _html_document(path))


@no_bench
@no_html
def test_benchmark_html_output_is_idempotent_in_text_mode():
    changed = []
    for path in HTML_PAGES:
        doc = _html_document(path)
        if promises.cleaner.clean_document(doc.text).text != doc.text:
            changed.append(_id(path))
    assert not changed, f"{len(changed)} of {len(HTML_PAGES)} pages change: {changed[:5]}"
