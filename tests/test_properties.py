"""The promises, checked on arbitrary text and on shuffled and concatenated fixture blocks."""

import json
import subprocess
import sys
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import cleaner

ROOT = Path(__file__).resolve().parent.parent
FIXTURE_LINES = sorted(
    {
        line
        for path in list((ROOT / "fixtures").glob("*/input.txt")) + list((ROOT / "seeds").glob("*.txt"))
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip()
    }
)

# Text made of characters that scraped pages contain, hostile ones included.
HOSTILE = st.lists(
    st.one_of(
        st.characters(),  # anything, lone surrogates and control characters included
        st.sampled_from(list("\r\n\t \x00\u200b\u200f\u202e\u0301\u0308•·-*.!?。؟«»\"'|»")),
        st.sampled_from(["\r\n", "\n\n", "שלום עולם", "مرحبا بالعالم", "日本語の文章です。", "Ωμέγα", "the ", "word "]),
    ),
    max_size=200,
).map("".join)
# Pages assembled from real-looking fixture lines, in any order.
PAGES = st.lists(st.sampled_from(FIXTURE_LINES), max_size=60).map("\n".join)
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def normalised_input_blocks(text):
    return [" ".join(line.split()) for line in text.splitlines() if line.split()]


def check_promises(text):
    doc = cleaner.clean_document(text)
    # Idempotent: cleaning the output changes nothing.
    again = cleaner.clean_document(doc.text)
    assert again.text == doc.text
    assert again.title == doc.title
    assert cleaner.clean(doc.text) == doc.paragraphs
    # No invention: every output paragraph is an input block, in input order.
    blocks = normalised_input_blocks(text)
    position = 0
    for paragraph in doc.paragraphs:
        position = blocks.index(paragraph, position) + 1
    if doc.title is not None:
        assert doc.title in blocks
    # Explains itself: one block per input block, each dropped one with a reason.
    assert [b.text for b in doc.blocks] == blocks
    assert all(b.reason for b in doc.blocks)
    assert [b.text for b in doc.blocks if b.kept and b.label is not cleaner.Label.TITLE] == doc.paragraphs
    # Deterministic within the process.
    assert cleaner.clean_document(text) == doc


@SETTINGS
@given(HOSTILE)
def test_promises_on_arbitrary_text(text):
    check_promises(text)


@SETTINGS
@given(PAGES)
def test_promises_on_shuffled_fixture_blocks(text):
    check_promises(text)


@SETTINGS
@given(st.lists(st.sampled_from(sorted((ROOT / "fixtures").glob("*/input.txt"))), min_size=1, max_size=4))
def test_promises_on_concatenated_fixture_pages(paths):
    check_promises("\n".join(path.read_text(encoding="utf-8") for path in paths))


def test_same_output_in_another_process_and_order():
    paths = sorted((ROOT / "fixtures").glob("*/input.txt")) + sorted((ROOT / "seeds").glob("*.txt"))
    texts = [path.read_text(encoding="utf-8") for path in paths]
    here = [cleaner.clean_document(text).text for text in texts]
    # Another interpreter, another hash seed, the documents in reverse order.
    script = (
        "import json, sys, cleaner\n"
        "texts = json.load(sys.stdin)\n"
        "print(json.dumps([cleaner.clean_document(t).text for t in reversed(texts)]))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script],
        input=json.dumps(texts),
        capture_output=True,
        text=True,
        check=True,
        env={"PYTHONHASHSEED": "12345", "PATH": ""},
        cwd=ROOT,
    )
    assert list(reversed(json.loads(result.stdout))) == here
