"""The ``cleaner`` command line: clean files in place, check them, diff or explain them.

It follows the conventions of black, mdformat and the pre-commit-hooks fixers:

* ``cleaner [FILE...]`` writes the cleaned text to stdout (no file, or ``-``: stdin);
* ``--in-place`` rewrites each file that changes and says ``Fixing PATH`` on stderr;
* ``--check`` writes nothing and exits 1 when a file would change; ``--diff`` shows how.

The code runs in four steps, each in its own functions: parsing the command line into
:class:`Options` (settings come from :mod:`cleaner.settings`), computing each file's new
content with a pure function (:func:`compute_change`), doing the side effects
(:func:`process_file`: read, guard, write atomically), and reporting (:class:`Reporter`).
"""

from __future__ import annotations

import argparse
import concurrent.futures
import contextlib
import dataclasses
import difflib
import json
import os
import re
import stat
import sys
import tempfile
import time
from dataclasses import dataclass
from typing import IO, Any, Callable, Iterable, Iterator, Sequence

from . import __version__
from .config import Config
from .document import Document
from .pipeline import clean_document
from .settings import FileFilter, SettingsError, field_sample, load_settings, make_config

#: Nothing changed (or would change).
EXIT_OK = 0
#: A file was changed (--in-place) or would change (--check, --diff).
EXIT_CHANGED = 1
#: Bad command line or settings file; nothing was processed.
EXIT_USAGE = 2
#: Some file could not be processed (or the loss guard kept it); the others were.
EXIT_ERROR = 3
#: Interrupted by Ctrl-C (128 + SIGINT).
EXIT_INTERRUPTED = 130

#: Refuse to rewrite a file that would lose more than this share of its text.
DEFAULT_MAX_LOSS = 0.9
DEFAULT_TEXT_FIELD = "text"
JSONL_SUFFIX = ".jsonl"
STDIN = "-"
#: The progress bar appears only once a run has lasted this many seconds...
PROGRESS_DELAY = 1.0
#: ...and is redrawn at most this often.
PROGRESS_INTERVAL = 0.1
PROGRESS_WIDTH = 30

# Modes: what happens to each input.
PRINT = "print"  # cleaned text (or --explain, or JSON) on stdout
DIFF = "diff"  # a diff on stdout, nothing written
CHECK = "check"  # nothing written; exit 1 when a file would change
IN_PLACE = "in-place"  # files rewritten
FILE_MODES = (DIFF, CHECK, IN_PLACE)

BOM = "\ufeff"
_NON_SPACE = re.compile(r"\S")
_JSON_SPACE = re.compile(r"[ \t\n\r]*")
_JSON_DECODER = json.JSONDecoder()
# Where a Config field's command-line value is kept in the argparse namespace.
_CONFIG_DEST = "config_"
_CONFIG_HELP: dict[str, tuple[str | None, str]] = {
    "language": ("LANG", "language of the stoplist and lexicon, or 'auto' to detect it per page"),
    "keep_title": (None, "keep the page title as the first line of the output (default: keep it)"),
    "extra_boilerplate": ("PHRASE", "a phrase that marks a block as boilerplate; repeat for more"),
    "min_body_words": ("N", "words a body paragraph needs on its own"),
    "min_context_words": ("N", "words a short line inside a run of prose needs"),
    "long_block_words": ("N", "blocks of this many words are prose whatever their punctuation"),
    "max_input_chars": ("N", "refuse inputs longer than this many characters (0: no limit)"),
    "profile": ("FILE", "a site profile of boilerplate learned from a corpus (cleaner.profile)"),
}
# Extra spellings of boolean Config options: option -> (field, value).
_CONFIG_ALIASES = {"--no-title": ("keep_title", False)}


class UsageError(Exception):
    """A bad command line: reported with exit code 2 before anything is processed."""


class InputError(Exception):
    """An input that cannot be processed; the message says why, the path is added by the caller."""


@dataclass(frozen=True)
class Options:
    """Everything needed to process one input. Frozen and picklable, for worker processes."""

    config: Config = Config()
    mode: str = PRINT
    diff: bool = False
    explain: bool = False
    json: bool = False
    jsonl: bool = False
    html: bool = False
    text_field: str = DEFAULT_TEXT_FIELD
    force: bool = False
    max_loss: float = DEFAULT_MAX_LOSS


# --- command line -----------------------------------------------------------------------


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="cleaner",
        description="Keep the title and article body of scraped pages' visible text "
        "(one block per line); drop the navigation, widgets and other noise.",
        epilog=f"exit codes: {EXIT_OK} nothing changed, {EXIT_CHANGED} a file changed or would "
        f"change, {EXIT_USAGE} usage error, {EXIT_ERROR} a file could not be processed",
    )
    parser.add_argument("files", nargs="*", metavar="FILE",
                        help="UTF-8 text files, or .jsonl files cleaned record by record; "
                        "none or '-': stdin")
    parser.add_argument("--version", action="version", version=f"cleaner {__version__}")
    _add_mode_options(parser)
    _add_input_options(parser)
    _add_config_options(parser)
    return parser


def _add_mode_options(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("what to do (default: print the cleaned text on stdout)")
    exclusive = group.add_mutually_exclusive_group()
    exclusive.add_argument("-i", "--in-place", action="store_true",
                           help="rewrite each file that changes, printing 'Fixing PATH'")
    exclusive.add_argument("--check", action="store_true",
                           help="write nothing; exit 1 if a file would change")
    group.add_argument("--diff", action="store_true",
                       help="print a unified diff of what cleaning removes (writes nothing "
                       "unless --in-place)")
    group.add_argument("--explain", action="store_true",
                       help="print every block with its label, kept or dropped, and the reason")
    group.add_argument("--format", choices=("text", "json"), default="text",
                       help="what to print on stdout: text, or one JSON object per document")
    group.add_argument("--force", action="store_true",
                       help="rewrite files even if cleaned to nothing or losing more than --max-loss")
    group.add_argument("--max-loss", type=float, metavar="FRACTION", default=None,
                       help=f"leave alone a file that would lose more than this share of its text "
                       f"(default: {DEFAULT_MAX_LOSS})")
    group.add_argument("-j", "--jobs", type=_positive_int, metavar="N", default=os.cpu_count() or 1,
                       help="worker processes for many files (default: the number of CPUs)")
    group.add_argument("--config", metavar="FILE",
                       help="settings file: a pyproject.toml with [tool.cleaner], or a plain TOML "
                       "table (default: the repository's pyproject.toml)")


def _add_input_options(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("input")
    group.add_argument("--jsonl", action="store_true",
                       help="read every input, stdin included, as JSON Lines (automatic for *.jsonl)")
    group.add_argument("--text-field", metavar="FIELD", default=None,
                       help=f"the JSON Lines field to clean (default: {DEFAULT_TEXT_FIELD!r})")
    group.add_argument("--html", action=argparse.BooleanOptionalAction, default=None,
                       help="the inputs (or the JSON Lines field) hold HTML, not visible text")


def _add_config_options(parser: argparse.ArgumentParser) -> None:
    """One option per Config field, generated from the dataclass so new fields get one too."""
    group = parser.add_argument_group("cleaning settings (override [tool.cleaner])")
    for config_field in dataclasses.fields(Config):
        name = config_field.name
        metavar, help_text = _CONFIG_HELP.get(name, (None, f"the {name} setting of cleaner.Config"))
        kwargs = _config_option_kwargs(field_sample(config_field), metavar)
        with contextlib.suppress(argparse.ArgumentError):  # a name an option already has
            group.add_argument("--" + name.replace("_", "-"), dest=_CONFIG_DEST + name,
                               default=None, help=help_text, **kwargs)
    for option, (name, value) in _CONFIG_ALIASES.items():
        with contextlib.suppress(argparse.ArgumentError):
            group.add_argument(option, dest=_CONFIG_DEST + name, action="store_const", const=value,
                               help=f"same as --{'' if value else 'no-'}{name.replace('_', '-')}")


def _config_option_kwargs(sample: Any, metavar: str | None) -> dict[str, Any]:
    if isinstance(sample, bool):
        return {"action": argparse.BooleanOptionalAction}
    if isinstance(sample, (tuple, list)):
        return {"action": "append", "metavar": metavar or "VALUE"}
    value_type = int if isinstance(sample, int) else float if isinstance(sample, float) else str
    return {"type": value_type, "metavar": metavar or "VALUE"}


def _positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be a positive integer, not {text!r}")
    return value


def parse_command_line(argv: Sequence[str] | None) -> tuple[Options, list[str], int]:
    """Options, the inputs to process (after include/exclude) and the number of jobs.

    Raises UsageError for bad combinations and settings; argparse raises SystemExit itself.
    """
    parser = build_parser()
    args = parser.parse_args(argv)
    mode = _mode(args)
    try:
        settings = load_settings(args.config)
        config = make_config(settings.config, _cli_config_values(args))
    except SettingsError as error:
        raise UsageError(str(error)) from None
    options = Options(
        config=config,
        mode=mode,
        diff=args.diff,
        explain=args.explain,
        json=args.format == "json",
        jsonl=args.jsonl,
        html=_first(args.html, settings.cli.get("html"), False),
        text_field=_first(args.text_field, settings.cli.get("text_field"), DEFAULT_TEXT_FIELD),
        force=args.force,
        max_loss=_fraction(_first(args.max_loss, settings.cli.get("max_loss"), DEFAULT_MAX_LOSS)),
    )
    if options.html and html_cleaner() is None:
        raise UsageError("--html: this version of cleaner has no HTML mode "
                         "(cleaner.pipeline.clean_html_document is missing)")
    return options, select_inputs(args.files, settings.file_filter()), args.jobs


def _mode(args: argparse.Namespace) -> str:
    if args.explain and (args.in_place or args.check or args.diff):
        raise UsageError("--explain cannot be combined with --in-place, --check or --diff")
    if args.format == "json" and (args.in_place or args.check or args.diff):
        raise UsageError("--format json is for output on stdout, not with --in-place, --check "
                         "or --diff")
    if args.files.count(STDIN) > 1:
        raise UsageError("stdin ('-') can be read only once")
    if args.in_place:
        return IN_PLACE
    if args.check:
        return CHECK
    return DIFF if args.diff else PRINT


def _cli_config_values(args: argparse.Namespace) -> dict[str, Any]:
    values = {}
    for config_field in dataclasses.fields(Config):
        value = getattr(args, _CONFIG_DEST + config_field.name, None)
        if value is not None:
            values[config_field.name] = tuple(value) if isinstance(value, list) else value
    return values


def _first(*values: Any) -> Any:
    return next(value for value in values if value is not None)


def _fraction(value: float) -> float:
    if not 0.0 <= value <= 1.0:
        raise UsageError(f"--max-loss must be a fraction between 0 and 1, not {value}")
    return value


def select_inputs(files: Sequence[str], file_filter: FileFilter) -> list[str]:
    """The inputs to process: stdin when none is named, else the named files that the
    include/exclude globs select (others are skipped silently)."""
    if not files:
        return [STDIN]
    return [path for path in files if path == STDIN or file_filter.selects(path)]


def html_cleaner() -> Callable[..., Document] | None:
    """``clean_html_document`` if this version of cleaner has an HTML mode, else None."""
    from . import pipeline

    return getattr(pipeline, "clean_html_document", None)


# --- pure functions: text in, new text out ------------------------------------------------


@dataclass(frozen=True)
class Change:
    """What cleaning would do to one file's content, computed without touching the disk."""

    old: str
    new: str
    before: int = 0  # characters (other than white space) of text before cleaning
    after: int = 0  # and after
    problems: tuple[str, ...] = ()  # records that could not be cleaned (JSON Lines)

    @property
    def changed(self) -> bool:
        return self.new != self.old

    @property
    def loss(self) -> float:
        return 1.0 - self.after / self.before if self.before else 0.0


class RecordError(Exception):
    """A JSON Lines record that cannot be cleaned."""


def clean_text(text: str, options: Options) -> Document:
    """One document (visible text, or HTML with --html) cleaned with the options' config."""
    if options.html:
        clean_html = html_cleaner()
        if clean_html is None:
            raise InputError("this version of cleaner has no HTML mode")
        return clean_html(text, config=options.config)
    return clean_document(text, config=options.config)


def visible_chars(text: str) -> int:
    """How much text there is: characters other than white space."""
    return len(_NON_SPACE.findall(text))


def newline_of(text: str) -> str:
    """The newline style of a text: that of its first line break ('\\n' if it has none)."""
    match = re.search(r"\r\n|\r|\n", text)
    return match.group() if match else "\n"


def render_text(text: str, newline: str) -> str:
    """A cleaned document as file content: its lines in the given style, a final newline."""
    return text.replace("\n", newline) + newline if text else ""


def compute_change(content: str, options: Options, jsonl: bool = False) -> Change:
    """The new content of a file (text, or JSON Lines record by record). Pure: no I/O."""
    return jsonl_change(content, options) if jsonl else text_change(content, options)


def text_change(content: str, options: Options) -> Change:
    """A text file becomes ``Document.text`` plus a final newline, in the file's newline style."""
    bom = BOM if content.startswith(BOM) else ""
    body = content[len(bom):]
    document = clean_text(body, options)
    new = bom + render_text(document.text, newline_of(body)) if document.text else ""
    return Change(content, new, _chars_before(body, document, options), visible_chars(document.text))


def _chars_before(text: str, document: Document, options: Options) -> int:
    # The visible text of HTML is that of its blocks; of plain text, the text itself.
    if options.html:
        return sum(visible_chars(block.text) for block in document.blocks)
    return visible_chars(text)


def jsonl_change(content: str, options: Options) -> Change:
    """A JSON Lines file with the text field of each record cleaned, all else as it was."""
    lines, problems, before, after = [], [], 0, 0
    for number, line in enumerate(split_lines(content), start=1):
        try:
            new_line, document, chars = clean_record(line, options)
        except RecordError as error:
            problems.append(f"line {number}: {error}")
            new_line, document, chars = line, None, 0
        lines.append(new_line)
        before += chars
        after += visible_chars(document.text) if document is not None else 0
    return Change(content, "".join(lines), before, after, tuple(problems))


def split_lines(content: str) -> Iterator[str]:
    """The lines of a JSON Lines text with their endings, split at '\\n' only (JSON strings
    may hold U+2028 and other characters that str.splitlines would split at)."""
    start = 0
    while start < len(content):
        end = content.find("\n", start)
        if end < 0:
            yield content[start:]
            return
        yield content[start : end + 1]
        start = end + 1


def clean_record(line: str, options: Options) -> tuple[str, Document | None, int]:
    """One JSON Lines line (with its ending) -> (new line, document, characters before).

    Only the text field's value is replaced, spliced into the original line, so every
    other field keeps its exact bytes and the record its key order. A record whose
    cleaned text is unchanged keeps its line as it was. Blank lines pass through.
    """
    body = line.rstrip("\r\n")
    ending = line[len(body):]
    if not body.strip():
        return line, None, 0
    value = _record_text(body, options.text_field)
    document = clean_text(value, options)
    before = _chars_before(value, document, options)
    if document.text == value:
        return line, document, before
    start, end = _value_span(body, options.text_field)
    raw = body[start:end]
    escaped = raw.isascii() and not value.isascii()  # keep \\u escapes if the line used them
    new_value = json.dumps(document.text, ensure_ascii=escaped)
    return body[:start] + new_value + body[end:] + ending, document, before


def _record_text(body: str, text_field: str) -> str:
    try:
        record = json.loads(body)
    except json.JSONDecodeError as error:
        raise RecordError(f"not valid JSON ({error})") from None
    if not isinstance(record, dict):
        raise RecordError("not a JSON object")
    if text_field not in record:
        raise RecordError(f"no {text_field!r} field")
    value = record[text_field]
    if not isinstance(value, str):
        raise RecordError(f"the {text_field!r} field is not a string")
    return value


def _value_span(body: str, key: str) -> tuple[int, int]:
    """Where the value of ``key`` (its last occurrence, as json.loads takes) sits in a
    JSON object known to be valid."""
    span, pos = (0, 0), _skip_space(body, 0) + 1  # after "{"
    while True:
        pos = _skip_space(body, pos)
        if body[pos] == "}":
            return span
        name, pos = json.decoder.scanstring(body, pos + 1)  # type: ignore[attr-defined]
        start = _skip_space(body, _skip_space(body, pos) + 1)  # after ":"
        _, end = _JSON_DECODER.raw_decode(body, start)
        if name == key:
            span = (start, end)
        pos = _skip_space(body, end)
        if body[pos] != ",":
            return span
        pos += 1


def _skip_space(text: str, pos: int) -> int:
    match = _JSON_SPACE.match(text, pos)
    return match.end() if match else pos


def refusal(change: Change, options: Options) -> str | None:
    """Why a changed file must not be rewritten (the nothing-lost guard), or None."""
    if options.force or not change.changed or not change.before:
        return None
    if not change.after:
        return "would be cleaned down to nothing; left unchanged (--force to rewrite it anyway)"
    if change.loss > options.max_loss:
        return (f"would lose {change.loss:.1%} of its text, more than --max-loss "
                f"{options.max_loss:g}; left unchanged (--force to rewrite it anyway)")
    return None


def unified_diff(name: str, old: str, new: str) -> str:
    """A unified diff from the old content to the new, marking missing final newlines."""
    lines = difflib.unified_diff(list(split_lines(old)), list(split_lines(new)),
                                 name, f"{name} (cleaned)")
    return "".join(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n"
                   for line in lines)


def explain(name: str, document: Document) -> str:
    """Every block of a document, one row each: its lines, kept or dropped, its label, the
    reason, then ' | ' and its text."""
    rows = [f"==> {name} <=="]
    for block in document.blocks:
        where = str(block.first_line) if block.first_line == block.last_line else (
            f"{block.first_line}-{block.last_line}")
        status = "kept" if block.kept else "dropped"
        rows.append(f"{where:>7}  {status:<7}  {block.label.value:<18}  {block.reason} | {block.text}")
    return "\n".join(rows) + "\n"


def as_json(name: str, document: Document, options: Options, line: int | None = None) -> str:
    """One document as one line of JSON: where it came from, title, text, paragraphs
    (and blocks with --explain)."""
    payload: dict[str, Any] = {"path": name}
    if line is not None:
        payload["line"] = line
    payload.update(title=document.title, text=document.text, paragraphs=list(document.paragraphs))
    if options.explain:
        payload["blocks"] = [block.to_dict() for block in document.blocks]
    return json.dumps(payload, ensure_ascii=False) + "\n"


def render_output(name: str, content: str, options: Options) -> str:
    """What to print on stdout for one text document (not JSON Lines) in print mode."""
    if not (options.explain or options.json):
        return text_change(content, options).new
    document = clean_text(content.removeprefix(BOM), options)
    return as_json(name, document, options) if options.json else explain(name, document)


def render_record(name: str, number: int, line: str, options: Options) -> str:
    """What to print on stdout for one JSON Lines line in print mode."""
    new_line, document, _ = clean_record(line, options)
    if not (options.explain or options.json):
        return new_line
    if document is None:
        return ""
    if options.json:
        return as_json(name, document, options, number)
    return explain(f"{name}:{number}", document)


# --- files: reading, guarding, writing --------------------------------------------------


@dataclass(frozen=True)
class Result:
    """What happened to one input, for the reporter (returned by worker processes)."""

    path: str
    changed: bool = False
    output: str = ""
    errors: tuple[str, ...] = ()


def is_jsonl(path: str, options: Options) -> bool:
    return options.jsonl or path.lower().endswith(JSONL_SUFFIX)


def check_regular_file(path: str) -> os.stat_result:
    """The file's status, or InputError if it is missing, a directory, a broken link..."""
    if os.path.islink(path) and not os.path.exists(path):
        raise InputError("broken symbolic link")
    try:
        status = os.stat(path)
    except FileNotFoundError:
        raise InputError("no such file") from None
    except OSError as error:
        raise InputError(error.strerror or str(error)) from None
    if stat.S_ISDIR(status.st_mode):
        raise InputError("is a directory")
    if not stat.S_ISREG(status.st_mode):
        raise InputError("not a regular file")
    return status


def decode(data: bytes) -> str:
    """UTF-8 bytes as text, or InputError for binary data and other encodings."""
    if b"\0" in data:
        raise InputError("binary file (it contains NUL bytes); cleaner reads UTF-8 text")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise InputError(f"not valid UTF-8 (byte 0x{data[error.start]:02x} at offset "
                         f"{error.start})") from None


def read_file(path: str, html: bool = False) -> str:
    """A file's text: UTF-8, or for an HTML page its declared or detected charset."""
    check_regular_file(path)
    try:
        with open(path, "rb") as handle:
            data = handle.read()
    except OSError as error:
        raise InputError(error.strerror or str(error)) from None
    if html:
        from .html import decode as decode_html

        return decode_html(data)
    return decode(data)


def write_atomic(path: str, content: str) -> None:
    """Replace a file's content atomically: a temporary file beside it, with the file's
    permissions, then a rename. Symbolic links are followed (the link stays a link).
    An interruption leaves either the old file or the new one, never a mix."""
    path = os.path.realpath(path)
    status = os.stat(path)
    if not os.access(path, os.W_OK):
        raise InputError("file is not writable")
    folder, name = os.path.split(path)
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{name}.", suffix=".tmp", dir=folder)
    except OSError as error:
        raise InputError(f"cannot write beside it: {error.strerror or error}") from None
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(content.encode("utf-8"))
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, stat.S_IMODE(status.st_mode))
        with contextlib.suppress(OSError, AttributeError):  # only root may give files away
            os.chown(temporary, status.st_uid, status.st_gid)
        os.replace(temporary, path)
    except BaseException as error:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        if isinstance(error, OSError):
            raise InputError(f"cannot write: {error.strerror or error}") from None
        raise


def process_file(path: str, options: Options) -> Result:
    """Process one file as the options say. Runs in worker processes: no printing here."""
    try:
        jsonl = is_jsonl(path, options)
        content = read_file(path, html=options.html and not jsonl)
        if options.mode == PRINT:
            return Result(path, output=render_output(path, content, options))
        return apply_change(path, compute_change(content, options, jsonl), options)
    except InputError as error:
        return Result(path, errors=(str(error),))
    except Exception as error:  # a bug or a refusal of the library: report it, go on
        return Result(path, errors=(f"{type(error).__name__}: {error}",))


def apply_change(path: str, change: Change, options: Options) -> Result:
    """The side effects of a computed change: refuse, write (--in-place), describe (--diff)."""
    if change.problems:
        more = f" (and {len(change.problems) - 1} more)" if len(change.problems) > 1 else ""
        return Result(path, errors=(f"{change.problems[0]}{more}; file left unchanged",))
    if not change.changed:
        return Result(path)
    reason = refusal(change, options)
    if reason is not None:
        return Result(path, errors=(reason,))
    output = unified_diff(path, change.old, change.new) if options.diff else ""
    if options.mode == IN_PLACE and path != STDIN:
        write_atomic(path, change.new)
    return Result(path, changed=True, output=output)


# --- reporting ----------------------------------------------------------------------------


class Progress:
    """A progress bar on stderr, drawn only when stderr is a terminal, there is more than one
    input, and the run has lasted PROGRESS_DELAY seconds (short runs print nothing)."""

    def __init__(self, total: int, stream: IO[str], *, delay: float = PROGRESS_DELAY,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.total, self.stream, self.delay, self.clock = total, stream, delay, clock
        self.enabled = total > 1 and _isatty(stream)
        self.done, self.start, self.drawn_at, self.width = 0, clock(), float("-inf"), 0

    def advance(self) -> None:
        self.done += 1
        now = self.clock()
        if not self.enabled or now - self.start < self.delay:
            return
        if now - self.drawn_at >= PROGRESS_INTERVAL or self.done == self.total:
            self.draw(now)

    def draw(self, now: float) -> None:
        filled = PROGRESS_WIDTH * self.done // self.total
        bar = f"[{'#' * filled}{'.' * (PROGRESS_WIDTH - filled)}] {self.done}/{self.total} files"
        self.stream.write("\r" + bar)
        self.stream.flush()
        self.drawn_at, self.width = now, len(bar)

    def clear(self) -> None:
        """Erase the bar (before other output); the next advance draws it again."""
        if self.width:
            self.stream.write("\r" + " " * self.width + "\r")
            self.stream.flush()
            self.width, self.drawn_at = 0, float("-inf")


def _isatty(stream: IO[str]) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


class Output:
    """stdout as UTF-8 bytes whatever the locale, keeping the newlines it is given."""

    def __init__(self, stream: IO[str]) -> None:
        self.stream = stream
        stream.flush()
        self.binary = getattr(stream, "buffer", None)

    def write(self, text: str) -> None:
        if self.binary is not None:
            self.binary.write(text.encode("utf-8"))
        else:
            self.stream.write(text)

    def flush(self) -> None:
        (self.binary or self.stream).flush()


class Reporter:
    """Prints results (stdout: data; stderr: what was done and what went wrong) and keeps
    the exit code."""

    def __init__(self, options: Options, output: Output, stderr: IO[str], progress: Progress):
        self.options, self.output, self.stderr, self.progress = options, output, stderr, progress
        self.changed = self.failed = False

    def write(self, text: str) -> None:
        if text:
            self.progress.clear()
            self.output.write(text)

    def error(self, where: str, reason: str) -> None:
        self.progress.clear()
        self.output.flush()
        self.stderr.write(f"cleaner: {where}: {reason}\n")
        self.failed = True

    def result(self, result: Result) -> None:
        self.write(result.output)
        for reason in result.errors:
            self.error(result.path, reason)
        if result.changed:
            self.changed = True
            verb = {IN_PLACE: "Fixing", CHECK: "Would fix"}.get(self.options.mode)
            if verb and result.path != STDIN:
                self.progress.clear()
                self.stderr.write(f"{verb} {result.path}\n")

    def exit_code(self) -> int:
        if self.failed:
            return EXIT_ERROR
        return EXIT_CHANGED if self.changed and self.options.mode in FILE_MODES else EXIT_OK


# --- running ------------------------------------------------------------------------------


def run(inputs: Sequence[str], options: Options, jobs: int) -> int:
    """Process every input, in order, and return the exit code."""
    if options.mode in FILE_MODES:
        inputs = _unique_files(inputs)
    output = Output(sys.stdout)
    progress = Progress(len(inputs), sys.stderr)
    reporter = Reporter(options, output, sys.stderr, progress)
    pooled = list(dict.fromkeys(p for p in inputs if p != STDIN and not _streamed(p, options)))
    executor = _executor(jobs, len(pooled), options)
    try:
        futures = {}
        if executor is not None:
            futures = {path: executor.submit(_process_in_worker, path) for path in pooled}
        for path in inputs:
            _process_one(path, options, futures.get(path), reporter)
            progress.advance()
    finally:
        if executor is not None:
            executor.shutdown(wait=True, cancel_futures=True)
        progress.clear()
        output.flush()
    return reporter.exit_code()


def _unique_files(inputs: Sequence[str]) -> list[str]:
    # A file named twice (or through a link) must not be rewritten by two workers at once.
    seen, unique = set(), []
    for path in inputs:
        key = path if path == STDIN else os.path.realpath(path)
        if key not in seen:
            seen.add(key)
            unique.append(path)
    return unique


def _streamed(path: str, options: Options) -> bool:
    """Is this input cleaned line by line in this process (JSON Lines printed on stdout)?"""
    return is_jsonl(path, options) and (options.mode == PRINT or path == STDIN)


def _executor(jobs: int, count: int, options: Options) -> concurrent.futures.Executor | None:
    """A pool of worker processes for ``count`` files, or None to work in this process.
    The options go to each worker once (a large site profile is not copied per file)."""
    workers = min(jobs, count)
    if workers < 2:
        return None
    try:
        return concurrent.futures.ProcessPoolExecutor(
            max_workers=workers, initializer=_init_worker, initargs=(options,))
    except (OSError, NotImplementedError, ImportError):  # no multiprocessing here: go serial
        return None


_worker_options: Options | None = None


def _init_worker(options: Options) -> None:
    global _worker_options
    _worker_options = options


def _process_in_worker(path: str) -> Result:
    assert _worker_options is not None, "worker not initialised"
    return process_file(path, _worker_options)


def _process_one(path: str, options: Options, future: concurrent.futures.Future[Result] | None,
                 reporter: Reporter) -> None:
    if path == STDIN:
        _process_stdin(options, reporter)
    elif _streamed(path, options):
        _stream_file(path, options, reporter)
    elif future is not None:
        try:
            result = future.result()
        except Exception:  # the pool failed (a worker died, say): process_file never raises
            result = process_file(path, options)
        reporter.result(result)
    else:
        reporter.result(process_file(path, options))


def _process_stdin(options: Options, reporter: Reporter) -> None:
    """stdin is never rewritten: with --in-place it is cleaned to stdout as in print mode."""
    if options.mode in (PRINT, IN_PLACE) and is_jsonl(STDIN, options):
        stream_jsonl(STDIN, _stdin_lines(), options, reporter)
        return
    try:
        content = decode(_stdin_bytes())
        if options.mode in (PRINT, IN_PLACE):
            result = Result(STDIN, output=render_output(STDIN, content, options))
        else:
            result = apply_change(STDIN, compute_change(content, options, is_jsonl(STDIN, options)),
                                  options)
    except InputError as error:
        result = Result(STDIN, errors=(str(error),))
    except Exception as error:  # the library refused it: report it like a file's failure
        result = Result(STDIN, errors=(f"{type(error).__name__}: {error}",))
    reporter.result(result)


def _stdin_bytes() -> bytes:
    stream = sys.stdin
    binary = getattr(stream, "buffer", None)
    return binary.read() if binary is not None else stream.read().encode("utf-8")


def _stdin_lines() -> Iterator[bytes]:
    binary = getattr(sys.stdin, "buffer", None)
    if binary is not None:
        yield from binary
    else:
        for line in sys.stdin:
            yield line.encode("utf-8")


def _stream_file(path: str, options: Options, reporter: Reporter) -> None:
    try:
        check_regular_file(path)
        with open(path, "rb") as handle:
            stream_jsonl(path, handle, options, reporter)
    except (InputError, OSError) as error:
        reason = error.strerror if isinstance(error, OSError) and error.strerror else str(error)
        reporter.error(path, reason)


def stream_jsonl(name: str, lines: Iterable[bytes], options: Options, reporter: Reporter) -> None:
    """Clean JSON Lines one line at a time (bounded memory, any size): each cleaned record is
    written before the next line is read. A bad record is reported and passed through."""
    for number, raw in enumerate(lines, start=1):
        try:
            reporter.write(render_record(name, number, decode(raw), options))
        except (InputError, RecordError) as error:
            reporter.error(f"{name}:{number}", str(error))
            if not (options.explain or options.json):
                reporter.write(raw.decode("utf-8", "replace"))
        except Exception as error:  # the library refused this record: report it, go on
            reporter.error(f"{name}:{number}", f"{type(error).__name__}: {error}")


def main(argv: Sequence[str] | None = None) -> int:
    """The ``cleaner`` command; returns the exit code (EXIT_OK, EXIT_CHANGED, ...).

    ``cleaner learn ...`` learns a site-boilerplate profile (cleaner.learn); a file
    literally named "learn" is then ``./learn``.
    """
    args = list(sys.argv[1:] if argv is None else argv)
    if args[:1] == ["learn"]:
        from .learn import main as learn_main

        return learn_main(args[1:])
    try:
        options, inputs, jobs = parse_command_line(args)
    except UsageError as error:
        sys.stderr.write(f"cleaner: error: {error}\n")
        return EXIT_USAGE
    except SystemExit as exit_:  # argparse: --help, --version, or a usage error
        return exit_.code if isinstance(exit_.code, int) else EXIT_USAGE
    try:
        return run(inputs, options, jobs)
    except KeyboardInterrupt:
        sys.stderr.write("cleaner: interrupted\n")
        return EXIT_INTERRUPTED
    except BrokenPipeError:  # stdout closed early (cleaner ... | head): stop quietly
        with contextlib.suppress(OSError):
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_ERROR
