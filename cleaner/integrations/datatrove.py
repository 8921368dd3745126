"""A datatrove pipeline step that cleans each document's text (``pip install cleaner[datatrove]``).

    from datatrove.executor import LocalPipelineExecutor
    from datatrove.pipeline.readers import JsonlReader
    from datatrove.pipeline.writers import JsonlWriter
    from cleaner.integrations.datatrove import CleanerStep

    LocalPipelineExecutor(
        [JsonlReader("raw/"), CleanerStep(profile="site.json"), JsonlWriter("clean/")],
        tasks=8, workers=4, logging_dir="logs/",
    ).run()

The step is plain data (a Config) plus datatrove's stats, so the executors can pickle it
and ship it anywhere: swap LocalPipelineExecutor for SlurmPipelineExecutor or
RayPipelineExecutor and the step is unchanged. Parallelism is the executor's job (tasks
and workers); the step cleans its shard's documents one after the other.

Each document's text becomes its body paragraphs separated by blank lines (exactly
``"\\n\\n".join(cleaner.clean(text))``) and its metadata records what cleaning found:

* ``cleaner_title``: the page title, or None;
* ``cleaner_removed``: how many blocks were dropped, per label (``{"navigation": 7, ...}``);
* ``cleaner_dropped``: the dropped blocks as ``[label, text]`` pairs (``record_dropped=False``
  leaves them out, to keep the output small).

A document whose cleaned text is empty is dropped (stat ``dropped``), as datatrove's
extractors do. A document that cleaning refuses (too large for ``max_input_chars``, text
that is not a string, a bug) never stops the pipeline: it is counted (stats
``clean_error`` and ``clean_error_<Exception>``), logged once, and dropped, or passed on
unchanged with ``cleaner_error`` in its metadata when ``keep_failed=True``.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from datatrove.data import DocumentsPipeline
from datatrove.pipeline.base import PipelineStep
from datatrove.utils.typeshelper import StatHints
from loguru import logger  # datatrove's own logger, in every version

from ..config import Config, resolve
from ..pipeline import clean_document

__all__ = ["CleanerStep"]


class CleanerStep(PipelineStep):
    """Clean every document's text with cleaner; record the title and what was removed."""

    name = "🧹 cleaner"
    type = "✂️ - FORMAT"

    def __init__(
        self,
        config: Config | None = None,
        *,
        record_dropped: bool = True,
        keep_failed: bool = False,
        **overrides: Any,
    ) -> None:
        """``config`` and keyword overrides as for :func:`cleaner.clean` (``profile="site.json"``...).

        The settings are resolved here, once, so a bad setting or an unreadable profile
        fails when the pipeline is built rather than in every task.
        """
        super().__init__()
        self.config = resolve(config, overrides)
        self.record_dropped = record_dropped
        self.keep_failed = keep_failed

    def run(self, data: DocumentsPipeline, rank: int = 0, world_size: int = 1) -> DocumentsPipeline:
        warned = False
        for doc in data or ():
            self.stat_update(StatHints.total)
            with self.track_time():
                try:
                    cleaned = clean_document(doc.text, config=self.config)
                except Exception as error:  # one bad document must not stop a corpus-wide run
                    cleaned, failure = None, error
            if cleaned is None:
                self.stat_update("clean_error", f"clean_error_{type(failure).__name__}")
                if not warned:
                    logger.warning(f"cleaner could not clean document {doc.id!r}: {failure} (logged once)")
                    warned = True
                if self.keep_failed:
                    doc.metadata["cleaner_error"] = f"{type(failure).__name__}: {failure}"
                    yield doc
                continue
            dropped = cleaned.dropped
            removed = Counter(block.label.value for block in dropped)
            doc.text = "\n\n".join(cleaned.paragraphs)
            doc.metadata["cleaner_title"] = cleaned.title
            doc.metadata["cleaner_removed"] = dict(sorted(removed.items()))
            if self.record_dropped:
                doc.metadata["cleaner_dropped"] = [[block.label.value, block.text] for block in dropped]
            for label, count in removed.items():
                self.stat_update(f"removed_{label}", value=count)
            if not doc.text:
                self.stat_update(StatHints.dropped)
                continue
            self.stat_update(StatHints.forwarded)
            self.update_doc_stats(doc)
            yield doc
