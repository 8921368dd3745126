"""The document this project was created from cleans exactly to its expected output."""

import json
from pathlib import Path

import pytest

import cleaner

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_2f044eb3d028fcd5.txt"
EXPECTED = ROOT / "fixtures" / "seed"


@pytest.fixture(scope="module")
def document():
    return cleaner.clean_document(SEED.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def expected():
    return json.loads((EXPECTED / "expected.json").read_text(encoding="utf-8"))


def test_text_is_exactly_the_expected_output(document):
    assert document.text.strip() == (EXPECTED / "expected.txt").read_text(encoding="utf-8").strip()


def test_title_and_paragraphs(document, expected):
    assert document.title == expected["title"]
    assert document.paragraphs == expected["paragraphs"]
    assert cleaner.clean(SEED.read_text(encoding="utf-8")) == expected["paragraphs"]


def test_every_block_label_and_kept_flag(document, expected):
    got = [(b.text, b.label.value, b.kept) for b in document.blocks]
    want = [(b["text"], b["label"], b["kept"]) for b in expected["blocks"]]
    assert got == want


def test_every_dropped_block_has_a_reason(document):
    for block in document.blocks:
        assert block.reason, block


def test_line_numbers_point_at_the_input(document):
    lines = SEED.read_text(encoding="utf-8").splitlines()
    for block in document.blocks:
        assert " ".join(lines[block.first_line - 1].split()) == block.text


def test_cleaning_the_output_changes_nothing(document):
    again = cleaner.clean_document(document.text)
    assert again.text == document.text
    assert again.title == document.title
    assert again.paragraphs == document.paragraphs


def test_keep_title_off(document):
    doc = cleaner.clean_document(SEED.read_text(encoding="utf-8"), keep_title=False)
    assert doc.title is None
    assert doc.paragraphs == document.paragraphs
    assert doc.text == "\n\n".join(document.paragraphs)


def test_no_rule_names_the_seed_site_or_its_sentences():
    """The classifier must generalise: nothing in cleaner/ may name the seed's site or copy its text."""
    seed_lines = [
        line.strip() for line in SEED.read_text(encoding="utf-8").splitlines() if len(line.split()) > 6
    ]
    for path in (ROOT / "cleaner").rglob("*"):
        if path.is_file() and path.suffix in {".py", ".txt", ".json", ".toml"}:
            content = path.read_text(encoding="utf-8")
            assert "digital trends" not in content.lower(), path
            for line in seed_lines:
                assert line not in content, (path, line)
