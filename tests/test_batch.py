"""clean_many: lazy, ordered, bounded, and the same in worker processes as in a plain loop."""

from __future__ import annotations

import copy
import dataclasses
import functools
import gc
import itertools
import multiprocessing
import pickle
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from pathlib import Path

import pytest

import cleaner
from cleaner import Config, Profile, batch
from cleaner.pipeline import InputTooLarge
from cleaner.profile import learn
from cleaner.segment import segment

FIXTURES = Path(__file__).parent.parent / "fixtures"
TEXTS = [p.read_text(encoding="utf-8") for p in sorted(FIXTURES.glob("*/input.txt"))]
PROFILE = learn(("site", "Porthaven Gazette\nGreenleaf corner\n" + text) for text in TEXTS)
CONFIG = Config(keep_title=False, profile=PROFILE)


def _loop(texts, config=CONFIG):
    return [cleaner.clean_document(text, config=config) for text in texts]


def test_config_profile_and_every_public_callable_pickle():
    assert pickle.loads(pickle.dumps(CONFIG)) == CONFIG
    assert pickle.loads(pickle.dumps(PROFILE)) == PROFILE
    for name in cleaner.__all__:
        value = getattr(cleaner, name)
        if callable(value):
            assert pickle.loads(pickle.dumps(value)) is value, name
    for value in (learn, batch.clean_many, cleaner.Label.BODY):
        assert pickle.loads(pickle.dumps(value)) is value
    bound = functools.partial(cleaner.clean, config=CONFIG)
    assert pickle.loads(pickle.dumps(bound))(TEXTS[0]) == bound(TEXTS[0])
    document = cleaner.clean_document(TEXTS[0])
    assert pickle.loads(pickle.dumps(document)) == document


def test_a_spawned_pool_gives_the_same_output_as_a_plain_loop():
    spawn = multiprocessing.get_context("spawn")
    chunks = [TEXTS[i : i + 5] for i in range(0, len(TEXTS), 5)]
    with ProcessPoolExecutor(2, mp_context=spawn, initializer=batch._init_worker, initargs=(CONFIG,)) as pool:
        results = pool.map(batch._clean_chunk, chunks)
        pooled = [batch._unpack(t, d) for chunk, (packed, _) in zip(chunks, results) for t, d in zip(chunk, packed)]
        bound = list(pool.map(functools.partial(cleaner.clean, config=CONFIG), TEXTS))
    assert pooled == _loop(TEXTS)
    assert bound == [d.paragraphs for d in _loop(TEXTS)]


@pytest.mark.parametrize("jobs", [None, 1, 2])
def test_same_documents_in_the_same_order_as_a_loop(jobs):
    texts = TEXTS * 3  # several chunks with two jobs
    assert list(cleaner.clean_many(texts, jobs=jobs, config=CONFIG)) == _loop(texts)


def test_keyword_overrides_and_bad_jobs():
    got = list(cleaner.clean_many(TEXTS[:3], keep_title=False))
    assert got == _loop(TEXTS[:3], Config(keep_title=False))
    with pytest.raises(ValueError):
        cleaner.clean_many(TEXTS, jobs=0)
    with pytest.raises(TypeError):  # checked at the call, before any text is read
        cleaner.clean_many(TEXTS, no_such_setting=1)


@pytest.mark.parametrize("jobs", [1, 2])
def test_lazy_on_an_endless_generator(jobs):
    read = itertools.count()

    def endless():
        for n in read:
            yield TEXTS[n % len(TEXTS)]

    documents = cleaner.clean_many(endless(), jobs=jobs)
    assert next(documents) == cleaner.clean_document(TEXTS[0])
    documents.close()  # stops the workers
    # Only a bounded window was read ahead.
    window = batch.WINDOW_PER_JOB * jobs + 1 if jobs > 1 else 0  # +1: the refill after the first
    assert next(read) <= batch.CHUNK_TEXTS * window + 1


def _every_kind_of_document() -> list[tuple[str, cleaner.Document]]:
    """(text, Document) pairs as clean_many meets them: title kept and left out, a site
    profile, empty, all noise, and one that did not settle."""
    pairs = list(zip(TEXTS, _loop(TEXTS))) + list(zip(TEXTS, _loop(TEXTS, Config())))
    pairs += [(text, cleaner.clean_document(text)) for text in ("", "Home\nNews\nSport\nContact us")]
    # What pipeline._settle hands back when the output does not settle: every block dropped.
    reason = "the output did not settle in 4 rounds of cleaning it again"
    text, document = pairs[0]
    blocks = [dataclasses.replace(b, kept=False, reason=reason) if b.kept else b for b in document.blocks]
    pairs.append((text, cleaner.Document(None, [], blocks)))
    return pairs


def _same_blocks(a: list[cleaner.Block], b: list[cleaner.Block]) -> bool:
    """Equal, and with the very Label members and bools (a str label would compare equal too)."""
    return a == b and all(x.label is y.label and x.kept is y.kept for x, y in zip(a, b))


def test_documents_cross_processes_packed_without_loss():
    assert [f.name for f in dataclasses.fields(cleaner.Block)] == [
        "index", "text", "first_line", "last_line", "label", "kept", "reason"
    ]  # batch._pack and batch._decode must follow a change here
    pairs = _every_kind_of_document()
    kinds = {(d.title is not None, bool(d.paragraphs), any(b.label is cleaner.Label.TITLE and not b.kept for b in d.blocks))
             for _, d in pairs}
    assert kinds >= {(True, True, False), (False, True, True), (False, False, False)}  # each kind is there
    for text, document in pairs:
        # What the hand-back relies on: the blocks are the text's lines, the index their position.
        assert [(b.index, b.text, b.first_line, b.last_line) for b in document.blocks] == [
            (i, s.text, s.first_line, s.last_line) for i, s in enumerate(segment(text))
        ]
        back = batch._unpack(text, pickle.loads(pickle.dumps(batch._pack(document))))
        assert back == document
        assert (back.title, back.paragraphs, back.text) == (document.title, document.paragraphs, document.text)
        assert _same_blocks(back.blocks, document.blocks)


def test_decisions_that_do_not_fit_the_text_are_an_error_not_a_mislabel():
    document = cleaner.clean_document(TEXTS[0])
    other = TEXTS[0] + "\nOne more line of text than the decisions cover."
    with pytest.raises(RuntimeError, match="decisions came back"):
        batch._unpack(other, batch._pack(document)).blocks


def test_a_lazily_built_document_is_the_eagerly_built_one():
    for text, document in _every_kind_of_document():
        packed = pickle.loads(pickle.dumps(batch._pack(document)))
        lazy = batch._unpack(text, packed)
        assert (lazy.title, lazy.paragraphs, lazy.text) == (document.title, document.paragraphs, document.text)
        assert not hasattr(lazy, "no_such_attribute")
        assert "blocks" not in vars(lazy)  # not built until read
        assert lazy == document and document == lazy
        assert lazy.blocks is lazy.blocks  # built once
        assert _same_blocks(lazy.blocks, document.blocks)
        assert list(vars(lazy)) == ["title", "paragraphs", "blocks"]  # nothing else left behind
        with pytest.raises(dataclasses.FrozenInstanceError):
            batch._unpack(text, packed).blocks = []
        assert dataclasses.fields(lazy) == dataclasses.fields(document)
        assert repr(batch._unpack(text, packed)) == repr(document)
        assert batch._unpack(text, packed).to_dict() == document.to_dict()
        assert batch._unpack(text, packed).dropped == document.dropped
        assert dataclasses.asdict(batch._unpack(text, packed)) == dataclasses.asdict(document)
        replaced = dataclasses.replace(batch._unpack(text, packed), title="Another title")
        assert replaced == dataclasses.replace(document, title="Another title")
        assert list(vars(replaced)) == ["title", "paragraphs", "blocks"]
        # Pickled and copied with the blocks built, nothing private in the state (the bytes
        # may differ: the rebuilt block texts are equal strings, not the paragraphs' own).
        assert batch._unpack(text, packed).__getstate__() == document.__getstate__()
        assert b"_decode" not in pickle.dumps(batch._unpack(text, packed))
        for copied in (pickle.loads(pickle.dumps(batch._unpack(text, packed))), copy.copy(batch._unpack(text, packed)),
                       copy.deepcopy(batch._unpack(text, packed))):
            assert list(vars(copied)) == ["title", "paragraphs", "blocks"]
            assert copied == document and _same_blocks(copied.blocks, document.blocks)


def test_threads_reading_a_lazy_document_get_the_same_blocks():
    document = _loop(TEXTS[:1])[0]
    for _ in range(20):
        lazy = batch._unpack(TEXTS[0], batch._pack(document))
        with ThreadPoolExecutor(4) as pool:
            got = list(pool.map(lambda _: lazy.blocks, range(8)))
        assert all(blocks is got[0] for blocks in got) and got[0] == document.blocks


def test_only_the_workers_freeze_their_objects():
    frozen = gc.get_freeze_count()
    assert list(cleaner.clean_many(TEXTS[:3], jobs=2)) == _loop(TEXTS[:3], Config())
    assert gc.get_freeze_count() == frozen  # the caller's collector is left alone
    with ProcessPoolExecutor(1, initializer=batch._init_worker, initargs=(CONFIG,)) as pool:
        assert pool.submit(gc.get_freeze_count).result() > 10_000


def test_chunks_are_bounded_in_size():
    chunks = list(batch._chunks(["x" * 400_000] * 5 + ["y"] * 40))
    assert [len(c) for c in chunks] == [3, 32, 10]


@pytest.mark.parametrize("jobs", [1, 2])
def test_an_error_comes_after_the_documents_before_it(jobs):
    texts = ["A first short sentence here.", "A second short sentence here.", "x" * 200, "Never reached."]
    out = []
    with pytest.raises(InputTooLarge):
        for document in cleaner.clean_many(texts, jobs=jobs, max_input_chars=100):
            out.append(document)
    assert out == _loop(texts[:2], Config(max_input_chars=100))


def test_profile_travels_to_the_workers():
    text = "Porthaven Gazette\nGreenleaf corner\n" + TEXTS[0]
    (document,) = cleaner.clean_many([text], jobs=2, profile=PROFILE)
    assert [b.reason for b in document.blocks[:2]] == [f"repeated on {len(TEXTS)} pages of site"] * 2
    assert isinstance(Config(profile=PROFILE).profile, Profile)


def test_text_mode_documents_are_packed_without_building_their_blocks():
    document = cleaner.clean_document(TEXTS[0])
    assert "blocks" not in vars(document)  # clean() never needs them
    packed = batch._pack(document)
    assert "blocks" not in vars(document)  # packed from the decisions' columns
    assert _same_blocks(batch._unpack(TEXTS[0], packed).blocks, document.blocks)
