"""Clean a stream of pages: lazily, in order, in bounded memory, optionally in worker processes.

``clean_many`` reads its input only as fast as its output is consumed, so an endless
generator or a file of any size works. With ``jobs > 1`` it keeps a bounded window of
chunks in flight in a process pool: memory stays proportional to ``jobs`` (at most
:data:`WINDOW_PER_JOB` × jobs chunks of at most :data:`CHUNK_TEXTS` texts or
:data:`CHUNK_CHARS` characters), never to the input size.

The workers are spawn-safe: the worker functions live at module level and the Config
(frozen and picklable) is handed to each worker once, through the pool's initializer,
rather than with every chunk: a large site profile is then copied once per process.
The pool uses multiprocessing's default start method (choose another with
``multiprocessing.set_start_method``).
"""

from __future__ import annotations

import gc
import itertools
import multiprocessing
from collections import deque
from concurrent.futures import Future, ProcessPoolExecutor
from functools import partial
from typing import Any, Iterable, Iterator, Optional

from .config import Config, resolve
from .document import Columns, Document, Label
from .pipeline import clean_document
from .revise import Decision
from .segment import segment

__all__ = ["clean_many"]

#: A chunk holds at most this many texts (fewer round trips to the workers)...
CHUNK_TEXTS = 32
#: ...and at most about this many characters (so a chunk of huge pages stays small).
CHUNK_CHARS = 1_000_000
#: Chunks in flight per worker: enough to keep every worker busy, few enough to bound memory.
WINDOW_PER_JOB = 4


def clean_many(
    texts: Iterable[str], *, jobs: int | None = None, config: Config | None = None, **overrides: Any
) -> Iterator[Document]:
    """Clean every text, yielding one Document per text, in input order.

    ``jobs`` is the number of worker processes. The default, ``None``, means one: no
    process is started behind a library caller's back (pass ``jobs=os.cpu_count()`` to
    use every core). With one job the texts are cleaned in this process.

    The settings are checked at once; the texts are read lazily. If cleaning a text
    raises (say :class:`cleaner.pipeline.InputTooLarge`), the Documents before it are
    yielded, then the error is raised, whatever the number of jobs.
    """
    cfg = resolve(config, overrides)
    if jobs is None:
        jobs = 1
    if not isinstance(jobs, int) or isinstance(jobs, bool) or jobs < 1:
        raise ValueError(f"jobs must be a positive integer or None, not {jobs!r}")
    if jobs == 1:
        return (clean_document(text, config=cfg) for text in texts)
    return _pooled(texts, jobs, cfg)


def _pooled(texts: Iterable[str], jobs: int, config: Config) -> Iterator[Document]:
    chunks = _chunks(texts)
    pool = ProcessPoolExecutor(
        jobs, mp_context=multiprocessing.get_context(), initializer=_init_worker, initargs=(config,)
    )
    # Each chunk stays here with its future: the texts are the blocks of their Documents.
    pending: deque[tuple[list[str], Future[tuple[list[Packed], BaseException | None]]]] = deque()
    try:
        for chunk in itertools.islice(chunks, jobs * WINDOW_PER_JOB):
            pending.append((chunk, pool.submit(_clean_chunk, chunk)))
        while pending:
            sent, future = pending.popleft()
            packed, error = future.result()
            for chunk in itertools.islice(chunks, 1):  # refill before yielding: workers stay busy
                pending.append((chunk, pool.submit(_clean_chunk, chunk)))
            yield from map(_unpack, sent, packed)
            if error is not None:
                raise error
    finally:  # also when the caller stops early: drop queued chunks, let running ones finish
        pool.shutdown(wait=True, cancel_futures=True)


def _chunks(texts: Iterable[str]) -> Iterator[list[str]]:
    chunk: list[str] = []
    size = 0
    for text in texts:
        chunk.append(text)
        size += len(text) if isinstance(text, str) else 0
        if len(chunk) >= CHUNK_TEXTS or size >= CHUNK_CHARS:
            yield chunk
            chunk, size = [], 0
    if chunk:
        yield chunk


# --- in the worker processes ----------------------------------------------------------

_config: Config | None = None


#: Cleaned once by each worker before it freezes what it holds (see _init_worker).
_WARM_UP = (
    "Home | News | Sport\nLibrary stays open after residents' campaign\n"
    "The city council voted on Tuesday to keep the central library open for another year.\n"
    "Residents collected more than four thousand signatures, and the council listened.\n"
    "Share this article\n"
)


def _init_worker(config: Config) -> None:
    global _config
    _config = config
    # Once warmed up, a worker holds some 40,000 objects that live as long as it does
    # (the lexicon, the stoplists, compiled patterns): frozen, the garbage collector no
    # longer walks them in every full collection, which saves about 5 % of the worker's
    # time. Only here, in a process of our own: a library leaves its caller's collector be.
    clean_document(_WARM_UP)  # the default settings: the caller's could refuse the text
    gc.freeze()


def _clean_chunk(texts: list[str]) -> tuple[list[Packed], BaseException | None]:
    """The packed Documents of a chunk, and the error that stopped it (None if none did)."""
    packed = []
    for text in texts:
        try:
            packed.append(_pack(clean_document(text, config=_config)))
        except Exception as error:  # handed back so the Documents before it still come out
            return packed, error
    return packed, None


# --- Documents between processes ------------------------------------------------------
# Both cores are busy with the workers, so what the parent process does for each page
# slows the whole run down, and so does what the workers do on top of cleaning. A
# worker sends back only what the parent cannot know: the title, the paragraphs, and
# each block's label, kept flag (one byte a block) and reason. The blocks themselves
# are the lines of the text the parent sent (a Document's blocks are its input's
# lines, in order), so the parent makes them again from it, and only if they are read
# (Document._lazy): a caller reading the title, paragraphs or text never needs them.

#: title, paragraphs, one label+kept code per block, the blocks' reasons.
Packed = tuple[Optional[str], list[str], bytes, list[str]]
_CODES = {label: 2 * n for n, label in enumerate(Label)}  # + 1 if kept
_DECODED = [(label, kept) for label in Label for kept in (False, True)]


def _pack(d: Document) -> Packed:
    """What the parent needs besides the text it sent (see above)."""
    columns = d._columns()  # from the pipeline's decisions: the worker builds no Block either
    codes = bytes([_CODES[label] + kept for label, kept in zip(columns.labels, columns.kept)])
    return d.title, d.paragraphs, codes, columns.reasons


def _unpack(text: str, packed: Packed) -> Document:
    title, paragraphs, codes, reasons = packed
    return Document._lazy(title, paragraphs, partial(_decode, text, codes, reasons))


def _decode(text: str, codes: bytes, reasons: list[str]) -> Columns:
    segments = segment(text)
    if len(segments) != len(codes):  # the invariant above broken: say so, never mislabel
        raise RuntimeError(f"{len(codes)} decisions came back for {len(segments)} blocks")
    return Columns.of(segments, [Decision(*_DECODED[code], reason) for code, reason in zip(codes, reasons)])
