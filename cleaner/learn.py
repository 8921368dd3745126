"""``cleaner learn``: learn a site profile (the boilerplate lines of each source) from a corpus.

    cleaner learn CORPUS... -o PROFILE [--group-field FIELD] [--text-field FIELD]
                                       [--min-pages N] [--min-share FRACTION]

Each CORPUS is a file, a folder (read recursively, hidden entries skipped) or ``-``
(JSON Lines on stdin). ``*.jsonl`` and ``*.jsonl.gz`` files hold one record per line:
the text is the ``--text-field`` and the source the ``--group-field`` (dots reach into
nested objects: ``metadata.url``; a URL stands for its host, so the default ``url``
groups by site; a record without the field is grouped with its file). Any other file
is one page of text, whose source is its folder: the first folder under the CORPUS
folder it was found in (``corpus/example.com/2024/a.txt`` -> ``example.com``), or the
parent folder of a file named directly.

The profile is then used with ``cleaner --profile PROFILE`` or
``cleaner.clean(text, profile=PROFILE)``; see cleaner/profile.py for the thresholds.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import sys
from pathlib import Path
from typing import IO, Iterator, Sequence
from urllib.parse import urlsplit

from .profile import MIN_PAGES, MIN_SHARE, learn

EXIT_OK, EXIT_ERROR, EXIT_USAGE = 0, 1, 2
JSONL_SUFFIXES = (".jsonl", ".jsonl.gz")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="cleaner learn",
        description="Learn the lines each source of a corpus repeats on many pages (its "
        "boilerplate) into a profile file for 'cleaner --profile'.",
    )
    parser.add_argument("corpus", nargs="+", metavar="CORPUS",
                        help="text files, .jsonl files, folders of them, or '-' for JSON Lines on stdin")
    parser.add_argument("-o", "--output", required=True, metavar="PROFILE",
                        help="the profile file to write (JSON; '-' for stdout)")
    parser.add_argument("--group-field", default="url", metavar="FIELD",
                        help="JSON Lines field naming each record's source; a URL stands for its "
                        "host (default: url)")
    parser.add_argument("--text-field", default="text", metavar="FIELD",
                        help="JSON Lines field holding the page's text (default: text)")
    parser.add_argument("--min-pages", type=int, default=MIN_PAGES, metavar="N",
                        help=f"a line must be on at least N pages of its source (default: {MIN_PAGES})")
    parser.add_argument("--min-share", type=float, default=MIN_SHARE, metavar="FRACTION",
                        help=f"...and on at least this share of them (default: {MIN_SHARE})")
    return parser


class _Corpus:
    """Reads the corpus as (source, text) pairs, counting what it had to skip."""

    def __init__(self, text_field: str, group_field: str) -> None:
        self.text_field = text_field
        self.group_field = group_field
        self.failed: list[str] = []  # files that could not be read (an error)
        self.skipped = 0  # records without JSON or text (a warning; the first few are kept)
        self.examples: list[str] = []

    def skip(self, message: str) -> None:
        self.skipped += 1
        if len(self.examples) < 10:
            self.examples.append(message)

    def documents(self, arguments: Sequence[str]) -> Iterator[tuple[str, str]]:
        for argument in arguments:
            if argument == "-":
                yield from self._jsonl(sys.stdin, "stdin")
                continue
            path = Path(argument)
            if path.is_dir():
                for file in _walk(path):
                    relative = file.relative_to(path).parts
                    yield from self._file(file, relative[0] if len(relative) > 1 else path.resolve().name)
            else:
                yield from self._file(path, path.resolve().parent.name)

    def _file(self, path: Path, folder: str) -> Iterator[tuple[str, str]]:
        try:
            if path.name.endswith(JSONL_SUFFIXES):
                opener = gzip.open if path.name.endswith(".gz") else open
                with opener(path, "rt", encoding="utf-8", errors="replace") as handle:
                    yield from self._jsonl(handle, str(path))
            else:
                yield folder, path.read_text(encoding="utf-8", errors="replace")
        except OSError as error:
            self.failed.append(f"{path}: {error.strerror or error}")

    def _jsonl(self, handle: IO[str], name: str) -> Iterator[tuple[str, str]]:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except ValueError:
                self.skip(f"{name}:{number}: not JSON")
                continue
            text = _field(record, self.text_field)
            if not isinstance(text, str):
                self.skip(f"{name}:{number}: no text field {self.text_field!r}")
                continue
            group = _field(record, self.group_field)
            yield (_source(group) if isinstance(group, str) and group else Path(name).name), text


def _walk(folder: Path) -> Iterator[Path]:
    """Files under ``folder``, sorted, skipping hidden files and folders."""
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if not name.startswith("."):
                yield Path(root) / name


def _field(record: object, dotted: str) -> object:
    for key in dotted.split("."):
        if not isinstance(record, dict):
            return None
        record = record.get(key)
    return record


def _source(value: str) -> str:
    """A URL stands for its host (without ``www.``); any other value is the source itself."""
    if "://" in value:
        host = (urlsplit(value.strip()).hostname or "").removeprefix("www.")
        return host or value
    return value


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    try:
        options = parser.parse_args(argv)
    except SystemExit as exit_:
        return exit_.code if isinstance(exit_.code, int) else EXIT_USAGE
    missing = [c for c in options.corpus if c != "-" and not os.path.exists(c)]
    if missing:
        sys.stderr.write(f"cleaner learn: error: no such file or folder: {', '.join(missing)}\n")
        return EXIT_USAGE
    corpus = _Corpus(options.text_field, options.group_field)
    try:
        profile = learn(
            corpus.documents(options.corpus), min_pages=options.min_pages, min_share=options.min_share
        )
    except ValueError as error:  # thresholds out of range
        sys.stderr.write(f"cleaner learn: error: {error}\n")
        return EXIT_USAGE
    if options.output == "-":
        sys.stdout.write(profile.to_json())
    else:
        profile.save(options.output)
    for message in corpus.failed:
        sys.stderr.write(f"cleaner learn: error: cannot read {message}\n")
    for message in corpus.examples:
        sys.stderr.write(f"cleaner learn: skipped {message}\n")
    if corpus.skipped > len(corpus.examples):
        sys.stderr.write(f"cleaner learn: skipped {corpus.skipped - len(corpus.examples)} more records\n")
    pages = sum(p for _, p in profile.groups)
    sources = len({source for source, _, _ in profile.lines})
    sys.stderr.write(
        f"cleaner learn: {len(profile)} lines repeated by {sources} of {len(profile.groups)} sources "
        f"({pages:,} pages) -> {options.output}\n"
    )
    return EXIT_ERROR if corpus.failed or not pages else EXIT_OK


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
