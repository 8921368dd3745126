"""Data-driven tests: every fixtures/<lang>-<slug>/ folder is one scraped page.

Each folder holds ``input.txt`` (the visible text of the page, one block per line)
and ``expected.txt`` (the title, a blank line, then the kept body paragraphs
separated by blank lines). ``fixtures/seed`` is tested elsewhere and skipped here.

A folder may hold ``xfail.txt``: the fixture is then a known miss, marked
``xfail(strict=True)`` with the file's contents as the reason. Failing fixtures are
recorded this way, never deleted.

Two tests per fixture:

* ``test_fixture_output`` runs the cleaner and compares its text with expected.txt.
* ``test_fixture_consistent`` checks the fixture itself ("no invention"): every
  paragraph of expected.txt is a whitespace-normalised line of input.txt, in input
  order. It must pass for every fixture, xfail or not.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import cleaner

FIXTURES = Path(__file__).parent.parent / "fixtures"
EXCLUDED = {"seed"}


def _folders() -> list[Path]:
    if not FIXTURES.is_dir():
        return []
    return sorted(
        path
        for path in FIXTURES.iterdir()
        if path.is_dir() and path.name not in EXCLUDED and (path / "input.txt").is_file()
    )


def _read(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def _normalise(text: str) -> str:
    """Collapse every run of white space to one space and strip (what cleaner does)."""
    return " ".join(text.split())


def _params(*, with_xfail: bool) -> list[object]:
    params = []
    for folder in _folders():
        marks = []
        xfail = folder / "xfail.txt"
        if with_xfail and xfail.is_file():
            reason = _read(xfail).strip() or "known miss"
            marks.append(pytest.mark.xfail(strict=True, reason=reason))
        params.append(pytest.param(folder, id=folder.name, marks=marks))
    return params


def _expected_paragraphs(expected: str) -> list[str]:
    return expected.strip().split("\n\n")


@pytest.mark.parametrize("folder", _params(with_xfail=True))
def test_fixture_output(folder: Path) -> None:
    text = _read(folder / "input.txt")
    expected = _read(folder / "expected.txt")
    assert cleaner.clean_document(text).text.strip() == expected.strip()


@pytest.mark.parametrize("folder", _params(with_xfail=False))
def test_fixture_consistent(folder: Path) -> None:
    """expected.txt invents nothing: its paragraphs are input lines, in input order."""
    expected = _read(folder / "expected.txt")
    paragraphs = _expected_paragraphs(expected)
    assert paragraphs and paragraphs != [""], "expected.txt is empty"

    for number, paragraph in enumerate(paragraphs, start=1):
        assert paragraph, f"paragraph {number}: more than one blank line between paragraphs"
        assert "\n" not in paragraph, (
            f"paragraph {number} spans several lines (paragraphs are separated by one blank line): "
            f"{paragraph!r}"
        )
        assert paragraph == _normalise(paragraph), (
            f"paragraph {number} is not whitespace-normalised: {paragraph!r}"
        )

    lines = [_normalise(line) for line in _read(folder / "input.txt").splitlines()]
    lines = [line for line in lines if line]
    position = 0
    for number, paragraph in enumerate(paragraphs, start=1):
        try:
            position = lines.index(paragraph, position) + 1
        except ValueError:
            where = "out of input order" if paragraph in lines else "not a line of input.txt"
            pytest.fail(f"paragraph {number} of expected.txt is {where}: {paragraph!r}")


def test_fixtures_found() -> None:
    """Guard against a moved folder silently turning the data-driven tests into no-ops."""
    assert _folders(), f"no fixture folders found under {FIXTURES}"
