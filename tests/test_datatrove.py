"""datatrove integration: JSONL reader -> CleanerStep -> JSONL writer under the local executor."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

pytest.importorskip("datatrove", reason="datatrove is not installed (pip install cleaner[datatrove])")
pytest.importorskip("orjson", reason="datatrove's JSONL reader and writer need orjson")

from datatrove.executor import LocalPipelineExecutor  # noqa: E402
from datatrove.pipeline.readers import JsonlReader  # noqa: E402
from datatrove.pipeline.writers import JsonlWriter  # noqa: E402

import cleaner  # noqa: E402
from cleaner.integrations.datatrove import CleanerStep  # noqa: E402

FIXTURES = Path(__file__).parent.parent / "fixtures"
MAX_CHARS = 100_000


def _corpus(folder: Path) -> dict[str, object]:
    """Three JSONL files of fixture pages, plus two hostile records; returns id -> text."""
    texts = {f"{p.parent.name}-{n}": p.read_text(encoding="utf-8") for n in range(2)
             for p in sorted(FIXTURES.glob("*/input.txt"))}
    texts["huge"] = "An enormous page that repeats itself. " * (MAX_CHARS // 20)  # over max_input_chars
    texts["not-a-string"] = ["a list of paragraphs", "is not a text"]  # passes the reader; cleaning refuses it
    texts["only-noise"] = "Home\nShare on Facebook\nCookie settings"
    folder.mkdir()
    ids = sorted(texts)
    for part in range(3):
        with open(folder / f"part-{part}.jsonl", "w", encoding="utf-8") as handle:
            for doc_id in ids[part::3]:
                handle.write(json.dumps({"id": doc_id, "text": texts[doc_id]}) + "\n")
    return texts


def test_local_pipeline_output_equals_clean_and_hostile_documents_are_counted(tmp_path):
    texts = _corpus(tmp_path / "in")
    executor = LocalPipelineExecutor(
        pipeline=[
            JsonlReader(str(tmp_path / "in")),
            CleanerStep(max_input_chars=MAX_CHARS),
            JsonlWriter(str(tmp_path / "out")),
        ],
        tasks=2,
        workers=2,
        logging_dir=str(tmp_path / "logs"),
    )
    stats = executor.run()

    out = {}
    for path in sorted((tmp_path / "out").glob("*.jsonl.gz")):
        with gzip.open(path, "rt", encoding="utf-8") as handle:
            for line in handle:
                record = json.loads(line)
                out[record["id"]] = record
    config = cleaner.Config(max_input_chars=MAX_CHARS)
    expected = {}
    for doc_id, text in texts.items():
        if doc_id in ("huge", "not-a-string"):
            continue
        document = cleaner.clean_document(text, config=config)
        if document.paragraphs:
            expected[doc_id] = document
    assert set(out) == set(expected)  # hostile and all-noise documents are not written
    for doc_id, document in expected.items():
        record = out[doc_id]
        assert record["text"] == "\n\n".join(cleaner.clean(texts[doc_id], config=config))
        metadata = record["metadata"]
        assert metadata["cleaner_title"] == document.title
        assert sum(metadata["cleaner_removed"].values()) == len(document.dropped)
        assert [text for _, text in metadata["cleaner_dropped"]] == [b.text for b in document.dropped]

    step_stats = json.loads((tmp_path / "logs" / "stats.json").read_text())[1]["stats"]
    count = {name: value if isinstance(value, int) else value["total"] for name, value in step_stats.items()}
    assert count["clean_error"] == 2
    assert count["clean_error_InputTooLarge"] == 1
    assert count["clean_error_TypeError"] == 1
    assert count["dropped"] == 1  # the page that was all noise
    assert count["forwarded"] == len(expected)
    assert count["total"] == len(texts)
    assert stats is not None


def test_keep_failed_passes_the_document_on_with_the_error():
    from datatrove.data import Document

    step = CleanerStep(keep_failed=True, record_dropped=False, max_input_chars=10)
    (doc,) = list(step.run(iter([Document(text="x" * 20, id="big")])))
    assert doc.text == "x" * 20 and doc.metadata["cleaner_error"].startswith("InputTooLarge")
    (doc,) = list(CleanerStep(record_dropped=False).run(iter([Document(text="Home\nA full sentence of body text here.", id="a")])))
    assert "cleaner_dropped" not in doc.metadata and doc.metadata["cleaner_removed"]
