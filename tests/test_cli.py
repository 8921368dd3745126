"""The command line, tested by calling ``cli.main([...])`` on temporary files.

The classifier changes under these tests, so they check the command line's mechanics:
expected outputs are computed by calling the library, and where a test needs the
classifier to drop text (the loss guard) it replaces it with a stub.
"""

from __future__ import annotations

import dataclasses
import io
import json
import os
import stat
import sys
import types
from pathlib import Path

import pytest

import cleaner
from cleaner import Config, Document, cli, pipeline
from cleaner.cli import EXIT_CHANGED, EXIT_ERROR, EXIT_OK, EXIT_USAGE, main
from cleaner.settings import FileFilter, glob_matches

ARTICLE = """\
City council approves new bus shelters for the north district
Home | News | Sport | Weather
The city council voted on Tuesday to build forty new bus shelters in the north district, where residents have waited years for protection from the rain and the wind.
The shelters will have benches, lighting and real-time arrival screens, and the first ones should be in place before the winter, according to the transport department.
Local groups welcomed the decision but said that the timetable was ambitious, and that the council should publish a list of the stops that will be served first.
Share on Facebook
"""

OTHER = """\
Library opening hours extended during the exam season
The central library will stay open until midnight for the next four weeks, so that students preparing for their exams have a quiet place to work in the evening.
Extra staff will be on duty, and the reading rooms on the second floor will be reserved for silent study during the whole period.
"""

OLD_TIME = 1_000_000_000  # an mtime far in the past, to see whether a file was written


def cleaned(text: str, newline: str = "\n", **overrides: object) -> str:
    """What a file holding ``text`` must contain after cleaning: Document.text plus a newline."""
    result = cleaner.clean_document(text, **overrides).text
    return result.replace("\n", newline) + newline if result else ""


@pytest.fixture(autouse=True)
def _isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Run in the test's folder, and stop the pyproject.toml search there (.git marks a
    # repository root), so the project's own settings never leak in.
    (tmp_path / ".git").mkdir()
    monkeypatch.chdir(tmp_path)


def write(path: Path, text: str | bytes, mtime: int | None = OLD_TIME) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, str):
        path.write_bytes(text.encode("utf-8"))
    else:
        path.write_bytes(text)
    if mtime is not None:
        os.utime(path, (mtime, mtime))
    return path


def set_stdin(monkeypatch: pytest.MonkeyPatch, data: str | bytes) -> None:
    raw = data.encode("utf-8") if isinstance(data, str) else data
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(raw), encoding="utf-8"))


def stub_classifier(monkeypatch: pytest.MonkeyPatch, keep: slice) -> None:
    """Replace the classifier with one keeping only the ``keep`` slice of the non-empty lines."""

    def fake(text: str, *, config: Config | None = None, **_: object) -> Document:
        lines = [line.strip() for line in text.splitlines() if line.strip()]
        return Document(None, lines[keep], [])

    monkeypatch.setattr(cli, "clean_document", fake)


def spy_config(monkeypatch: pytest.MonkeyPatch) -> list[Config]:
    """Record the Config each document is cleaned with."""
    seen: list[Config] = []

    def spy(text: str, *, config: Config | None = None, **overrides: object) -> Document:
        seen.append(config)
        return pipeline.clean_document(text, config=config, **overrides)

    monkeypatch.setattr(cli, "clean_document", spy)
    return seen


# --- exit codes and stdin/stdout -------------------------------------------------------------


def test_exit_codes_are_named_and_distinct() -> None:
    assert (EXIT_OK, EXIT_CHANGED, EXIT_USAGE, EXIT_ERROR) == (0, 1, 2, 3)


@pytest.mark.parametrize("argv", [[], ["-"]])
def test_stdin_to_stdout(argv, monkeypatch, capsys) -> None:
    set_stdin(monkeypatch, ARTICLE)
    assert main(argv) == EXIT_OK
    out, err = capsys.readouterr()
    assert out == cleaned(ARTICLE)
    assert err == ""


def test_stdin_keeps_its_newline_style(monkeypatch, capsysbinary) -> None:
    set_stdin(monkeypatch, ARTICLE.replace("\n", "\r\n"))
    assert main([]) == EXIT_OK
    assert capsysbinary.readouterr().out == cleaned(ARTICLE, "\r\n").encode()


def test_files_to_stdout_in_order_and_untouched(tmp_path, capsys) -> None:
    first, second = write(tmp_path / "a.txt", ARTICLE), write(tmp_path / "b.txt", OTHER)
    assert main([str(first), str(second)]) == EXIT_OK
    assert capsys.readouterr().out == cleaned(ARTICLE) + cleaned(OTHER)
    assert first.read_text() == ARTICLE and first.stat().st_mtime == OLD_TIME


def test_help_and_version(capsys) -> None:
    assert main(["--help"]) == EXIT_OK
    out = capsys.readouterr().out
    for field in dataclasses.fields(Config):  # an option for every setting, new ones too
        assert "--" + field.name.replace("_", "-") in out
    assert main(["--version"]) == EXIT_OK
    assert cleaner.__version__ in capsys.readouterr().out


@pytest.mark.parametrize(
    "argv",
    [
        ["--in-place", "--check"],
        ["--explain", "--in-place"],
        ["--explain", "--diff"],
        ["--format", "json", "--check"],
        ["--format", "xml"],
        ["--max-loss", "1.5"],
        ["--max-loss", "-0.1"],
        ["--jobs", "0"],
        ["--min-body-words", "-3"],
        ["--bogus-option"],
        ["-", "-"],
    ],
)
def test_usage_errors(argv, tmp_path, capsys) -> None:
    path = write(tmp_path / "a.txt", ARTICLE)
    assert main([*argv, str(path)]) == EXIT_USAGE
    assert "error" in capsys.readouterr().err
    assert path.read_text() == ARTICLE


# --- --in-place -------------------------------------------------------------------------------


def test_in_place_rewrites_and_says_fixing(tmp_path, capsys) -> None:
    path = write(tmp_path / "page.txt", ARTICLE)
    assert main(["--in-place", str(path)]) == EXIT_CHANGED
    assert path.read_text() == cleaned(ARTICLE)
    out, err = capsys.readouterr()
    assert out == ""
    assert err == f"Fixing {path}\n"


def test_in_place_twice_changes_nothing_the_second_time(tmp_path, capsys) -> None:
    path = write(tmp_path / "page.txt", ARTICLE)
    assert main(["--in-place", str(path)]) == EXIT_CHANGED
    os.utime(path, (OLD_TIME, OLD_TIME))
    capsys.readouterr()
    assert main(["--in-place", str(path)]) == EXIT_OK
    assert capsys.readouterr() == ("", "")
    assert path.stat().st_mtime == OLD_TIME


def test_unchanged_file_keeps_its_mtime(tmp_path) -> None:
    path = write(tmp_path / "clean.txt", cleaned(ARTICLE))
    inode = path.stat().st_ino
    assert main(["--in-place", str(path)]) == EXIT_OK
    assert path.stat().st_mtime == OLD_TIME
    assert path.stat().st_ino == inode  # not even replaced by an identical copy


def test_in_place_keeps_permissions(tmp_path) -> None:
    path = write(tmp_path / "page.txt", ARTICLE)
    path.chmod(0o640)
    assert main(["--in-place", str(path)]) == EXIT_CHANGED
    assert stat.S_IMODE(path.stat().st_mode) == 0o640
    executable = write(tmp_path / "odd.txt", ARTICLE)
    executable.chmod(0o755)
    assert main(["--in-place", str(executable)]) == EXIT_CHANGED
    assert stat.S_IMODE(executable.stat().st_mode) == 0o755


def test_in_place_keeps_crlf(tmp_path) -> None:
    path = write(tmp_path / "dos.txt", ARTICLE.replace("\n", "\r\n"))
    assert main(["--in-place", str(path)]) == EXIT_CHANGED
    data = path.read_bytes()
    assert data == cleaned(ARTICLE, "\r\n").encode()
    assert data.endswith(b"\r\n") and b"\n" not in data.replace(b"\r\n", b"")
    assert main(["--in-place", str(path)]) == EXIT_OK  # idempotent in CRLF too


def test_in_place_adds_the_final_newline(tmp_path) -> None:
    path = write(tmp_path / "page.txt", ARTICLE.rstrip("\n"))
    assert main(["--in-place", str(path)]) == EXIT_CHANGED
    assert path.read_text() == cleaned(ARTICLE)


def test_in_place_keeps_a_byte_order_mark(tmp_path) -> None:
    path = write(tmp_path / "bom.txt", "\ufeff" + ARTICLE)
    assert main(["--in-place", str(path)]) == EXIT_CHANGED
    assert path.read_text(encoding="utf-8") == "\ufeff" + cleaned(ARTICLE)
    assert main(["--check", str(path)]) == EXIT_OK


def test_in_place_through_a_symlink_rewrites_the_target(tmp_path) -> None:
    target = write(tmp_path / "real.txt", ARTICLE)
    link = tmp_path / "link.txt"
    link.symlink_to(target)
    assert main(["--in-place", str(link)]) == EXIT_CHANGED
    assert link.is_symlink()
    assert target.read_text() == cleaned(ARTICLE)


def test_in_place_same_file_twice_is_written_once(tmp_path, capsys) -> None:
    path = write(tmp_path / "page.txt", ARTICLE)
    assert main(["--in-place", "--jobs", "2", str(path), str(path)]) == EXIT_CHANGED
    assert capsys.readouterr().err == f"Fixing {path}\n"
    assert path.read_text() == cleaned(ARTICLE)


def test_failed_write_leaves_the_file_and_no_temporary(tmp_path, monkeypatch, capsys) -> None:
    path = write(tmp_path / "page.txt", ARTICLE)
    other = write(tmp_path / "other.txt", OTHER)

    def failing_replace(source: str, target: str) -> None:
        if target.endswith("page.txt"):
            raise OSError(28, "No space left on device")
        os.rename(source, target)

    monkeypatch.setattr(os, "replace", failing_replace)
    assert main(["--in-place", "--jobs", "1", str(path), str(other)]) == EXIT_ERROR
    assert path.read_text() == ARTICLE
    assert other.read_text() == cleaned(OTHER)  # the other file was still processed
    assert sorted(p.name for p in tmp_path.iterdir()) == [".git", "other.txt", "page.txt"]
    assert f"cleaner: {path}: cannot write: No space left on device" in capsys.readouterr().err


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0, reason="root may write anything")
def test_read_only_file_is_an_error(tmp_path, capsys) -> None:
    path = write(tmp_path / "page.txt", ARTICLE)
    path.chmod(0o444)
    assert main(["--in-place", str(path)]) == EXIT_ERROR
    assert path.read_text() == ARTICLE
    assert "not writable" in capsys.readouterr().err


def test_stdin_with_in_place_is_cleaned_to_stdout(monkeypatch, capsys) -> None:
    set_stdin(monkeypatch, ARTICLE)
    assert main(["--in-place", "-"]) == EXIT_OK
    assert capsys.readouterr() == (cleaned(ARTICLE), "")


# --- --check and --diff -----------------------------------------------------------------------


def test_check_writes_nothing_and_fails(tmp_path, capsys) -> None:
    dirty = write(tmp_path / "dirty.txt", ARTICLE)
    clean = write(tmp_path / "clean.txt", cleaned(OTHER))
    assert main(["--check", str(dirty), str(clean)]) == EXIT_CHANGED
    assert dirty.read_text() == ARTICLE and dirty.stat().st_mtime == OLD_TIME
    out, err = capsys.readouterr()
    assert out == ""
    assert err == f"Would fix {dirty}\n"


def test_check_passes_on_clean_files(tmp_path, capsys) -> None:
    clean = write(tmp_path / "clean.txt", cleaned(ARTICLE))
    assert main(["--check", str(clean)]) == EXIT_OK
    assert capsys.readouterr() == ("", "")


def test_check_on_stdin(monkeypatch, capsys) -> None:
    set_stdin(monkeypatch, ARTICLE)
    assert main(["--check"]) == EXIT_CHANGED
    assert capsys.readouterr().out == ""
    set_stdin(monkeypatch, cleaned(ARTICLE))
    assert main(["--check", "-"]) == EXIT_OK


def test_diff_shows_the_change_and_writes_nothing(tmp_path, capsys) -> None:
    path = write(tmp_path / "page.txt", ARTICLE)
    assert main(["--diff", str(path)]) == EXIT_CHANGED
    assert path.read_text() == ARTICLE and path.stat().st_mtime == OLD_TIME
    out = capsys.readouterr().out
    lines = out.splitlines()
    assert lines[0] == f"--- {path}" and lines[1] == f"+++ {path} (cleaned)"
    assert lines[2].startswith("@@ ")
    new = cleaned(ARTICLE).splitlines()
    assert all(line[1:] in ARTICLE.splitlines() for line in lines[3:] if line.startswith("-"))
    assert all(line[1:] in new for line in lines[3:] if line.startswith("+"))
    assert any(line.startswith("-") for line in lines[3:])  # something goes


def test_diff_marks_a_missing_final_newline(tmp_path, capsys) -> None:
    path = write(tmp_path / "page.txt", ARTICLE.rstrip("\n"))
    assert main(["--diff", str(path)]) == EXIT_CHANGED
    assert "\\ No newline at end of file\n" in capsys.readouterr().out


def test_diff_of_a_clean_file_is_empty(tmp_path, capsys) -> None:
    path = write(tmp_path / "clean.txt", cleaned(ARTICLE))
    assert main(["--diff", str(path)]) == EXIT_OK
    assert capsys.readouterr() == ("", "")


@pytest.mark.parametrize("mode", ["--check", "--in-place"])
def test_diff_combines_with_check_and_in_place(mode, tmp_path, capsys) -> None:
    path = write(tmp_path / "page.txt", ARTICLE)
    assert main([mode, "--diff", str(path)]) == EXIT_CHANGED
    out, err = capsys.readouterr()
    assert out.startswith(f"--- {path}\n")
    assert path.read_text() == (ARTICLE if mode == "--check" else cleaned(ARTICLE))


# --- --explain and --format json ------------------------------------------------------------


def test_explain_lists_every_block(tmp_path, capsys) -> None:
    path = write(tmp_path / "page.txt", ARTICLE)
    assert main(["--explain", str(path)]) == EXIT_OK
    rows = capsys.readouterr().out.splitlines()
    document = cleaner.clean_document(ARTICLE)
    assert rows[0] == f"==> {path} <=="
    assert len(rows) == 1 + len(document.blocks)
    for row, block in zip(rows[1:], document.blocks):
        assert row.split()[:3] == [str(block.first_line), "kept" if block.kept else "dropped",
                                   block.label.value]
        assert row.endswith(f"  {block.reason} | {block.text}")
    assert path.read_text() == ARTICLE


def test_format_json(tmp_path, capsys) -> None:
    path = write(tmp_path / "page.txt", ARTICLE)
    assert main(["--format", "json", str(path)]) == EXIT_OK
    payload = json.loads(capsys.readouterr().out)
    document = cleaner.clean_document(ARTICLE)
    assert payload == {"path": str(path), "title": document.title, "text": document.text,
                       "paragraphs": document.paragraphs}


def test_explain_as_json_has_the_blocks(monkeypatch, capsys) -> None:
    set_stdin(monkeypatch, ARTICLE)
    assert main(["--explain", "--format", "json"]) == EXIT_OK
    payload = json.loads(capsys.readouterr().out)
    assert payload["blocks"] == [b.to_dict() for b in cleaner.clean_document(ARTICLE).blocks]


# --- files that cannot be processed ------------------------------------------------------------


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"caf\xe9 au lait\nsecond line here\n", "not valid UTF-8 (byte 0xe9 at offset 3)"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file"),
        ("A title\nsome text".encode("utf-16"), "binary file"),
    ],
)
def test_undecodable_file_is_an_error_and_untouched(content, reason, tmp_path, capsys) -> None:
    bad = write(tmp_path / "bad.txt", content)
    good = write(tmp_path / "good.txt", ARTICLE)
    assert main(["--in-place", str(bad), str(good)]) == EXIT_ERROR
    assert bad.read_bytes() == content and bad.stat().st_mtime == OLD_TIME
    assert good.read_text() == cleaned(ARTICLE)
    err = capsys.readouterr().err
    assert f"cleaner: {bad}: {reason}" in err
    assert f"Fixing {good}" in err


def test_directory_is_an_error(tmp_path, capsys) -> None:
    folder = tmp_path / "corpus"
    folder.mkdir()
    assert main(["--in-place", str(folder)]) == EXIT_ERROR
    assert capsys.readouterr().err == f"cleaner: {folder}: is a directory\n"


def test_broken_symlink_is_an_error_and_stays(tmp_path, capsys) -> None:
    link = tmp_path / "gone.txt"
    link.symlink_to(tmp_path / "missing.txt")
    assert main(["--in-place", str(link)]) == EXIT_ERROR
    assert link.is_symlink() and os.readlink(link) == str(tmp_path / "missing.txt")
    assert capsys.readouterr().err == f"cleaner: {link}: broken symbolic link\n"


def test_missing_file_is_an_error(tmp_path, capsys) -> None:
    assert main(["--check", str(tmp_path / "nope.txt")]) == EXIT_ERROR
    assert capsys.readouterr().err == f"cleaner: {tmp_path / 'nope.txt'}: no such file\n"


def test_not_utf8_on_stdin(monkeypatch, capsys) -> None:
    set_stdin(monkeypatch, b"caf\xe9\n")
    assert main([]) == EXIT_ERROR
    assert "cleaner: -: not valid UTF-8" in capsys.readouterr().err


def test_library_error_is_reported_and_the_run_goes_on(tmp_path, monkeypatch, capsys) -> None:
    def refuse(text: str, **_: object) -> Document:
        if "council" in text:
            raise ValueError("input too large")
        return pipeline.clean_document(text)

    monkeypatch.setattr(cli, "clean_document", refuse)
    bad, good = write(tmp_path / "a.txt", ARTICLE), write(tmp_path / "b.txt", OTHER)
    assert main(["--in-place", "--jobs", "1", str(bad), str(good)]) == EXIT_ERROR
    assert bad.read_text() == ARTICLE and good.read_text() == cleaned(OTHER)
    assert f"cleaner: {bad}: ValueError: input too large" in capsys.readouterr().err


# --- the nothing-lost guard -----------------------------------------------------------------


def test_file_cleaned_to_nothing_is_not_rewritten(tmp_path, monkeypatch, capsys) -> None:
    stub_classifier(monkeypatch, keep=slice(0))
    path = write(tmp_path / "page.txt", ARTICLE)
    assert main(["--in-place", str(path)]) == EXIT_ERROR
    assert path.read_text() == ARTICLE and path.stat().st_mtime == OLD_TIME
    assert f"cleaner: {path}: would be cleaned down to nothing" in capsys.readouterr().err
    assert main(["--in-place", "--force", str(path)]) == EXIT_CHANGED
    assert path.read_text() == ""


def test_file_losing_too_much_is_not_rewritten(tmp_path, monkeypatch, capsys) -> None:
    stub_classifier(monkeypatch, keep=slice(1, 2))  # keeps the menu only: 95.6 % lost
    path = write(tmp_path / "page.txt", ARTICLE)
    for argv in (["--in-place"], ["--check"], ["--diff"], ["--in-place", "--max-loss", "0.95"]):
        assert main([*argv, str(path)]) == EXIT_ERROR
        assert path.read_text() == ARTICLE and path.stat().st_mtime == OLD_TIME
        err = capsys.readouterr().err
        assert err.startswith(f"cleaner: {path}: would lose 9")
        assert "--max-loss" in err and "--force" in err
    assert main(["--in-place", "--max-loss", "1", str(path)]) == EXIT_CHANGED
    assert path.read_text() == ARTICLE.splitlines()[1] + "\n"


def test_force_overrides_the_loss_guard(tmp_path, monkeypatch) -> None:
    stub_classifier(monkeypatch, keep=slice(1, 2))
    path = write(tmp_path / "page.txt", ARTICLE)
    assert main(["--in-place", "--force", str(path)]) == EXIT_CHANGED
    assert path.read_text() == ARTICLE.splitlines()[1] + "\n"


def test_small_loss_passes_the_guard(tmp_path, monkeypatch) -> None:
    stub_classifier(monkeypatch, keep=slice(5))  # drops only "Share on Facebook"
    path = write(tmp_path / "page.txt", ARTICLE)
    assert main(["--in-place", "--max-loss", "0.1", str(path)]) == EXIT_CHANGED


def test_max_loss_from_settings(tmp_path, monkeypatch) -> None:
    stub_classifier(monkeypatch, keep=slice(1, 2))
    write(tmp_path / "pyproject.toml", "[tool.cleaner]\nmax-loss = 1.0\n")
    path = write(tmp_path / "page.txt", ARTICLE)
    assert main(["--check", "--max-loss", "0.5", str(path)]) == EXIT_ERROR  # command line wins
    assert main(["--check", str(path)]) == EXIT_CHANGED


def test_whitespace_only_file_has_nothing_to_lose(tmp_path) -> None:
    path = write(tmp_path / "blank.txt", "  \n\n")
    assert main(["--in-place", str(path)]) == EXIT_CHANGED
    assert path.read_text() == ""
    assert main(["--in-place", str(path)]) == EXIT_OK


# --- JSON Lines ------------------------------------------------------------------------------

RECORDS = [
    {"id": 1, "url": "https://example.org/a", "text": ARTICLE, "score": 1.10},
    {"text": OTHER, "meta": {"lang": "en", "tags": ["x", "y"]}, "title": "caf\u00e9"},
]


def jsonl_line(record: dict, **dumps: object) -> str:
    return json.dumps(record, **dumps)


def test_jsonl_cleans_the_text_field_and_leaves_the_rest(tmp_path, capsys) -> None:
    # Compact separators, an escaped é and a float written "1.10": all must survive as bytes.
    first = jsonl_line(RECORDS[0], separators=(",", ":")).replace('"score":1.1', '"score":1.10')
    second = jsonl_line(RECORDS[1])
    path = write(tmp_path / "pages.jsonl", f"{first}\n\n{second}\n")
    assert main(["--in-place", str(path)]) == EXIT_CHANGED
    lines = path.read_text().split("\n")
    assert lines[1] == "" and lines[3] == ""  # blank line and final newline kept
    for line, original, raw in ((lines[0], RECORDS[0], first), (lines[2], RECORDS[1], second)):
        record = json.loads(line)
        assert list(record) == list(original)  # key order kept
        assert record == {**original, "text": cleaner.clean_document(original["text"]).text}
        before, _, after = raw.partition(json.dumps(original["text"]))
        assert line.startswith(before) and line.endswith(after)  # other bytes untouched
    assert '"score":1.10' in lines[0] and '"caf\\u00e9"' in lines[2]
    assert main(["--in-place", str(path)]) == EXIT_OK  # idempotent


def test_jsonl_text_field_option_and_setting(tmp_path, capsys) -> None:
    record = {"body": ARTICLE, "text": "left alone\nas it is"}
    path = write(tmp_path / "pages.jsonl", json.dumps(record) + "\n")
    assert main(["--text-field", "body", str(path)]) == EXIT_OK
    out = json.loads(capsys.readouterr().out)
    assert out == {"body": cleaner.clean_document(ARTICLE).text, "text": "left alone\nas it is"}
    write(tmp_path / "pyproject.toml", "[tool.cleaner]\ntext-field = 'body'\n")
    assert main([str(path)]) == EXIT_OK
    assert json.loads(capsys.readouterr().out)["body"] == cleaner.clean_document(ARTICLE).text


def test_jsonl_keeps_unicode_escapes_when_the_line_used_them(tmp_path) -> None:
    record = {"text": "Caf\u00e9 du coin\nUn caf\u00e9 tr\u00e8s agr\u00e9able et des croissants."}
    path = write(tmp_path / "pages.jsonl", json.dumps(record, ensure_ascii=True) + "\n")
    assert main(["--in-place", str(path)]) == EXIT_CHANGED
    data = path.read_text()
    assert data.isascii()
    assert json.loads(data)["text"] == cleaner.clean_document(record["text"]).text


@pytest.mark.parametrize(
    ("bad_line", "reason"),
    [
        ("{not json", "line 2: not valid JSON"),
        ("[1, 2]", "line 2: not a JSON object"),
        ('{"other": 1}', "line 2: no 'text' field"),
        ('{"text": 5}', "line 2: the 'text' field is not a string"),
    ],
)
def test_jsonl_bad_record_leaves_the_file_untouched(bad_line, reason, tmp_path, capsys) -> None:
    content = json.dumps(RECORDS[0]) + "\n" + bad_line + "\n"
    path = write(tmp_path / "pages.jsonl", content)
    assert main(["--in-place", str(path)]) == EXIT_ERROR
    assert path.read_text() == content and path.stat().st_mtime == OLD_TIME
    err = capsys.readouterr().err
    assert err.startswith(f"cleaner: {path}: {reason}") and "file left unchanged" in err


def test_jsonl_check_and_crlf(tmp_path, capsys) -> None:
    content = "\r\n".join(json.dumps(r) for r in RECORDS) + "\r\n"
    path = write(tmp_path / "pages.jsonl", content)
    assert main(["--check", str(path)]) == EXIT_CHANGED
    assert path.read_bytes() == content.encode()
    assert main(["--in-place", str(path)]) == EXIT_CHANGED
    data = path.read_bytes()
    assert data.count(b"\r\n") == 2 and data.count(b"\n") == 2


def test_jsonl_loss_guard_counts_the_whole_file(tmp_path, monkeypatch, capsys) -> None:
    stub_classifier(monkeypatch, keep=slice(0))
    content = "".join(json.dumps(r) + "\n" for r in RECORDS)
    path = write(tmp_path / "pages.jsonl", content)
    assert main(["--in-place", str(path)]) == EXIT_ERROR
    assert path.read_text() == content
    assert "cleaned down to nothing" in capsys.readouterr().err


def test_jsonl_from_stdin_with_explain_and_json(monkeypatch, capsys) -> None:
    data = "".join(json.dumps(r) + "\n" for r in RECORDS)
    set_stdin(monkeypatch, data)
    assert main(["--jsonl", "--format", "json"]) == EXIT_OK
    payloads = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [(p["path"], p["line"]) for p in payloads] == [("-", 1), ("-", 2)]
    assert payloads[1]["text"] == cleaner.clean_document(OTHER).text
    set_stdin(monkeypatch, data)
    assert main(["--jsonl", "--explain"]) == EXIT_OK
    out = capsys.readouterr().out
    assert "==> -:1 <==" in out and "==> -:2 <==" in out


class LineByLine(io.RawIOBase):
    """A stdin that hands out JSON Lines one at a time and checks, before handing out each
    line, that the previous record's output has already been written."""

    def __init__(self, lines: list[bytes], written: io.BytesIO) -> None:
        self.lines, self.written, self.given = lines, written, 0

    def readable(self) -> bool:
        return True

    def __iter__(self):
        for line in self.lines:
            assert self.written.getvalue().count(b"\n") == self.given, "output is not streamed"
            self.given += 1
            yield line

    def read(self, size: int = -1) -> bytes:  # pragma: no cover - must not be called
        raise AssertionError("stdin read whole")


def test_jsonl_stdin_is_streamed(monkeypatch) -> None:
    written = io.BytesIO()
    stdout = io.TextIOWrapper(written, encoding="utf-8")
    lines = [(json.dumps({"n": n, "text": OTHER}) + "\n").encode() for n in range(50)]
    monkeypatch.setattr(sys, "stdin", types.SimpleNamespace(buffer=LineByLine(lines, written)))
    monkeypatch.setattr(sys, "stdout", stdout)  # its .buffer is `written`: no buffering
    assert main(["--jsonl"]) == EXIT_OK
    records = [json.loads(line) for line in written.getvalue().decode().splitlines()]
    assert [r["n"] for r in records] == list(range(50))
    assert {r["text"] for r in records} == {cleaner.clean_document(OTHER).text}


def test_jsonl_bad_record_in_a_stream_is_reported_and_passed_through(monkeypatch, capsys) -> None:
    good = json.dumps(RECORDS[1])
    set_stdin(monkeypatch, f"{good}\n{{broken\n{good}\n")
    assert main(["--jsonl"]) == EXIT_ERROR
    out, err = capsys.readouterr()
    assert out.splitlines()[1] == "{broken"
    assert len(out.splitlines()) == 3
    assert err.startswith("cleaner: -:2: not valid JSON")


def test_html_field(tmp_path, monkeypatch, capsys) -> None:
    def fake_html(html: str, *, config: Config | None = None, **_: object) -> Document:
        return cleaner.clean_document(html.replace("<p>", "\n").replace("</p>", ""), config=config)

    monkeypatch.setattr(pipeline, "clean_html_document", fake_html, raising=False)
    record = {"html": "<p>Bus shelters for the north</p><p>" + OTHER.splitlines()[1] + "</p>"}
    path = write(tmp_path / "pages.jsonl", json.dumps(record) + "\n")
    assert main(["--html", "--text-field", "html", str(path)]) == EXIT_OK
    assert json.loads(capsys.readouterr().out)["html"] == fake_html(record["html"]).text


def test_html_without_an_html_mode_is_a_usage_error(tmp_path, monkeypatch, capsys) -> None:
    monkeypatch.delattr(pipeline, "clean_html_document", raising=False)
    path = write(tmp_path / "pages.jsonl", json.dumps({"text": "<p>x</p>"}) + "\n")
    assert main(["--html", str(path)]) == EXIT_USAGE
    assert "clean_html_document" in capsys.readouterr().err


# --- settings: pyproject.toml, --config, include/exclude -------------------------------------


def test_pyproject_settings_and_command_line_override(tmp_path, monkeypatch) -> None:
    write(tmp_path / "pyproject.toml", """\
[project]
name = "corpus"

[tool.cleaner]
language = "fr"
keep-title = false
extra_boilerplate = ["Abonnez-vous", "Partager"]
min-body-words = 7
""")
    path = write(tmp_path / "page.txt", ARTICLE)
    seen = spy_config(monkeypatch)
    assert main([str(path)]) == EXIT_OK
    assert seen[-1] == Config(language="fr", keep_title=False, min_body_words=7,
                              extra_boilerplate=("Abonnez-vous", "Partager"))
    assert main(["--language", "de", "--keep-title", "--extra-boilerplate", "Share",
                 "--extra-boilerplate", "Tweet", "--min-body-words", "3", str(path)]) == EXIT_OK
    assert seen[-1] == Config(language="de", keep_title=True, min_body_words=3,
                              extra_boilerplate=("Share", "Tweet"))
    assert main(["--no-title", str(path)]) == EXIT_OK
    assert seen[-1].keep_title is False


def test_pyproject_is_found_from_a_subfolder(tmp_path, monkeypatch) -> None:
    write(tmp_path / "pyproject.toml", "[tool.cleaner]\nlanguage = 'it'\n")
    folder = tmp_path / "corpus" / "deep"
    folder.mkdir(parents=True)
    monkeypatch.chdir(folder)
    seen = spy_config(monkeypatch)
    set_stdin(monkeypatch, ARTICLE)
    assert main([]) == EXIT_OK
    assert seen[-1].language == "it"


def test_pyproject_without_tool_cleaner_gives_the_defaults(tmp_path, monkeypatch) -> None:
    write(tmp_path / "pyproject.toml", "[project]\nname = 'x'\n[tool.black]\nline-length = 99\n")
    seen = spy_config(monkeypatch)
    set_stdin(monkeypatch, ARTICLE)
    assert main([]) == EXIT_OK
    assert seen[-1] == Config()


@pytest.mark.parametrize(
    "content",
    ["language = 'pt'\n", "[tool.cleaner]\nlanguage = 'pt'\n"],
    ids=["plain-table", "pyproject-style"],
)
def test_config_file(content, tmp_path, monkeypatch) -> None:
    config = write(tmp_path / "elsewhere" / "cleaner.toml", content)
    write(tmp_path / "pyproject.toml", "[tool.cleaner]\nlanguage = 'fr'\n")  # not read
    seen = spy_config(monkeypatch)
    set_stdin(monkeypatch, ARTICLE)
    assert main(["--config", str(config)]) == EXIT_OK
    assert seen[-1].language == "pt"


@pytest.mark.parametrize(
    ("file_name", "content", "message"),
    [
        ("pyproject.toml", "[tool.cleaner]\nlangauge = 'fr'\n", "unknown setting 'langauge'"),
        ("pyproject.toml", "[tool.cleaner]\nkeep-title = 'no'\n", "keep-title must be true or false"),
        ("pyproject.toml", "[tool.cleaner]\nextra-boilerplate = 'x'\n", "must be a list of strings"),
        ("pyproject.toml", "[tool.cleaner]\nmin-body-words = -1\n", "min_body_words"),
        ("pyproject.toml", "[tool.cleaner]\nmax-loss = 2\n", "--max-loss must be a fraction"),
        ("pyproject.toml", "[tool.cleaner\n", "invalid TOML"),
    ],
)
def test_bad_settings_are_usage_errors(file_name, content, message, tmp_path, capsys) -> None:
    write(tmp_path / file_name, content)
    path = write(tmp_path / "page.txt", ARTICLE)
    assert main(["--in-place", str(path)]) == EXIT_USAGE
    assert message in capsys.readouterr().err
    assert path.read_text() == ARTICLE


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("bogus = 1\n", "unknown setting 'bogus'"),
        ("[tool.black]\nline-length = 1\n", "no [tool.cleaner] table"),
        (None, "cannot read"),
    ],
)
def test_bad_config_file_is_a_usage_error(content, message, tmp_path, capsys) -> None:
    config = tmp_path / "cleaner.toml"
    if content is not None:
        write(config, content)
    assert main(["--config", str(config)]) == EXIT_USAGE
    assert message in capsys.readouterr().err


def test_include_and_exclude_globs(tmp_path, monkeypatch, capsys) -> None:
    repo = tmp_path / "repo"
    (repo / ".git").mkdir(parents=True)
    write(repo / "pyproject.toml", """\
[tool.cleaner]
include = ["corpus/**"]
exclude = ["corpus/drafts/*", "LICENSE*"]
""")
    selected = [write(repo / "corpus" / "a.txt", ARTICLE),
                write(repo / "corpus" / "2024" / "b.txt", OTHER)]
    skipped = [write(repo / "corpus" / "drafts" / "c.txt", ARTICLE),
               write(repo / "corpus" / "LICENSE.txt", ARTICLE),
               write(repo / "requirements.txt", "requests>=2\nflask\n"),
               write(repo / "docs" / "notes.txt", ARTICLE),
               write(tmp_path / "outside.txt", ARTICLE)]
    before = {path: path.read_bytes() for path in skipped}
    monkeypatch.chdir(repo)
    names = [os.path.relpath(path, repo) for path in selected + skipped]
    assert main(["--in-place", *names]) == EXIT_CHANGED
    assert selected[0].read_text() == cleaned(ARTICLE)
    assert selected[1].read_text() == cleaned(OTHER)
    for path in skipped:
        assert path.read_bytes() == before[path] and path.stat().st_mtime == OLD_TIME
    err = capsys.readouterr().err
    assert err == "".join(f"Fixing {name}\n" for name in names[:2])  # skipped silently
    set_stdin(monkeypatch, ARTICLE)
    assert main([]) == EXIT_OK  # stdin is never filtered
    assert capsys.readouterr().out == cleaned(ARTICLE)


def test_globs_are_relative_to_the_config_file(tmp_path, monkeypatch) -> None:
    config = write(tmp_path / "project" / "cleaner.toml", "include = ['data/*.txt']\n")
    inside = write(tmp_path / "project" / "data" / "a.txt", ARTICLE)
    elsewhere = write(tmp_path / "data" / "a.txt", ARTICLE)
    assert main(["--config", str(config), "--in-place", str(inside), str(elsewhere)]) == EXIT_CHANGED
    assert inside.read_text() == cleaned(ARTICLE)
    assert elsewhere.read_text() == ARTICLE


@pytest.mark.parametrize(
    ("path", "pattern", "expected"),
    [
        ("corpus/a.txt", "corpus/**", True),
        ("corpus/x/y/a.txt", "corpus/**", True),
        ("corpus/a.txt", "corpus", True),
        ("corpus/a.txt", "corpus/", True),
        ("corpusx/a.txt", "corpus/**", False),
        ("corpus/x/a.txt", "corpus/*", True),  # matches the folder corpus/x
        ("corpus/x/a.txt", "corpus/*.txt", False),
        ("a/b/c.txt", "**/*.txt", True),
        ("c.txt", "**/*.txt", True),
        ("a/b/LICENSE", "LICENSE*", True),
        ("a/LICENSE/b.txt", "LICENSE", True),
        ("requirements.txt", "*.jsonl", False),
        ("docs/a.txt", "/docs/*.txt", True),
        ("data/a1.txt", "data/a[0-9].txt", True),
        ("data/ab.txt", "data/a[!0-9].txt", True),
        ("data/a1.txt", "data/a?.txt", True),
        ("data/a/1.txt", "data/a?.txt", False),
    ],
)
def test_glob_matching(path, pattern, expected) -> None:
    assert glob_matches(path, pattern) is expected


def test_file_filter_without_globs_selects_everything(tmp_path) -> None:
    assert FileFilter(str(tmp_path)).selects("/anywhere/at/all.txt")
    assert not FileFilter(str(tmp_path), include=("*",)).selects("/anywhere/at/all.txt")


# --- --jobs and the progress bar -------------------------------------------------------------


def make_corpus(folder: Path) -> list[Path]:
    texts = [ARTICLE, OTHER, cleaned(ARTICLE), ARTICLE.replace("\n", "\r\n"), OTHER * 2]
    paths = [write(folder / f"{n}.txt", text) for n, text in enumerate(texts)]
    paths.append(write(folder / "bad.txt", b"\xff\xfe\x00"))
    paths.append(write(folder / "pages.jsonl", "".join(json.dumps(r) + "\n" for r in RECORDS)))
    return paths


def run_corpus(folder: Path, jobs: int, argv: list[str], capsys) -> tuple[int, str, str, dict]:
    paths = make_corpus(folder)
    names = [os.path.relpath(path) for path in paths]
    code = main([*argv, "--jobs", str(jobs), *names])
    out, err = capsys.readouterr()
    prefix = os.path.relpath(folder) + os.sep
    contents = {path.name: path.read_bytes() for path in paths}
    return code, out.replace(prefix, ""), err.replace(prefix, ""), contents


@pytest.mark.parametrize("argv", [["--in-place"], ["--check", "--diff"], [], ["--explain"]])
def test_jobs_2_gives_the_same_as_jobs_1(argv, tmp_path, monkeypatch, capsys) -> None:
    pools = []
    make_executor = cli._executor

    def spy(jobs: int, count: int, options: cli.Options):
        executor = make_executor(jobs, count, options)
        pools.append(executor)
        return executor

    monkeypatch.setattr(cli, "_executor", spy)
    serial = run_corpus(tmp_path / "serial", 1, argv, capsys)
    parallel = run_corpus(tmp_path / "parallel", 2, argv, capsys)
    assert pools[0] is None and pools[1] is not None  # the second run did use processes
    assert parallel == serial
    assert serial[0] == EXIT_ERROR  # bad.txt
    assert "cleaner: bad.txt: binary file" in serial[2]


def test_no_process_pool_falls_back_to_serial(tmp_path, monkeypatch) -> None:
    def unavailable(*args: object, **kwargs: object):
        raise OSError("no semaphores here")

    monkeypatch.setattr(cli.concurrent.futures, "ProcessPoolExecutor", unavailable)
    paths = [write(tmp_path / "a.txt", ARTICLE), write(tmp_path / "b.txt", OTHER)]
    assert main(["--in-place", "--jobs", "4", *map(str, paths)]) == EXIT_CHANGED
    assert [p.read_text() for p in paths] == [cleaned(ARTICLE), cleaned(OTHER)]


class FakeTerminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_bar_only_on_a_terminal_and_after_a_delay() -> None:
    now = [0.0]
    terminal = FakeTerminal()
    progress = cli.Progress(4, terminal, delay=1.0, clock=lambda: now[0])
    progress.advance()  # a short run draws nothing
    assert terminal.getvalue() == ""
    now[0] = 2.0
    progress.advance()
    assert terminal.getvalue().endswith("] 2/4 files")
    assert "#" * 15 in terminal.getvalue()
    progress.clear()
    assert terminal.getvalue().endswith("\r")
    pipe = io.StringIO()  # not a terminal: never
    quiet = cli.Progress(4, pipe, delay=0.0, clock=lambda: now[0])
    for _ in range(4):
        quiet.advance()
    assert pipe.getvalue() == ""
    single = cli.Progress(1, FakeTerminal(), delay=0.0)  # one input: no bar
    single.advance()
    assert single.stream.getvalue() == ""


# --- the pure core -----------------------------------------------------------------------------


def test_compute_change_is_pure(tmp_path) -> None:
    change = cli.compute_change(ARTICLE, cli.Options())
    assert change.changed and change.new == cleaned(ARTICLE)
    assert change.before == sum(len(line.replace(" ", "")) for line in ARTICLE.splitlines())
    again = cli.compute_change(change.new, cli.Options())
    assert not again.changed


def test_newline_style_and_line_splitting() -> None:
    assert cli.newline_of("a\r\nb\nc") == "\r\n"
    assert cli.newline_of("a\nb\r\n") == "\n"
    assert cli.newline_of("single line") == "\n"
    line = json.dumps({"text": "a\u2028b"}, ensure_ascii=False) + "\n"
    assert list(cli.split_lines(line + line)) == [line, line]  # not split at U+2028


def test_a_failing_pool_falls_back_to_this_process(tmp_path, monkeypatch) -> None:
    monkeypatch.setattr(cli, "_process_in_worker", lambda path: 1 / 0)  # cannot even be pickled
    paths = [write(tmp_path / "a.txt", ARTICLE), write(tmp_path / "b.txt", OTHER)]
    assert main(["--in-place", "--jobs", "2", *map(str, paths)]) == EXIT_CHANGED
    assert [p.read_text() for p in paths] == [cleaned(ARTICLE), cleaned(OTHER)]


@pytest.mark.skipif("profile" not in {f.name for f in dataclasses.fields(Config)},
                    reason="Config has no profile setting")
def test_a_profile_path_is_relative_to_the_settings_file(tmp_path, monkeypatch, capsys) -> None:
    write(tmp_path / "pyproject.toml", "[tool.cleaner]\nprofile = 'profiles/missing.json'\n")
    folder = tmp_path / "corpus"
    folder.mkdir()
    monkeypatch.chdir(folder)
    assert main(["--check", "x.txt"]) == EXIT_USAGE
    assert str(tmp_path / "profiles" / "missing.json") in capsys.readouterr().err


def test_glob_matching_of_many_stars_against_a_long_name():
    """Answered by a table over the pattern's parts, not a backtracking regex (which took
    over five minutes on the first of these)."""
    assert glob_matches("a" * 200, "*a*a*a*a*a*a*a*a*b") is False
    assert glob_matches("a" * 200 + "b", "*a*a*a*a*a*a*a*a*b") is True
    assert glob_matches("x/" * 50 + "y.txt", "**/x/**/y.txt") is True


def test_html_files_are_decoded_by_their_declared_charset(tmp_path, capsys):
    body = "Le conseil municipal a voté mardi le budget de la ville, après quatre heures de débat animé."
    page = f'<html><head><meta charset="iso-8859-1"><title>Budget voté</title></head><body><p>{body}</p></body></html>'
    path = tmp_path / "page.html"
    path.write_bytes(page.encode("latin-1"))
    assert main(["--html", str(path)]) == 0
    assert body in capsys.readouterr().out
