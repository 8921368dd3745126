"""The pre-commit hooks, run by the real ``pre-commit`` on a temporary git repository.

``pre-commit try-repo`` installs this project into a fresh virtualenv (from the package
index) and runs a hook from its ``.pre-commit-hooks.yaml``. try-repo uses the hook
repository's committed HEAD, plus uncommitted changes to *tracked* files only: a new,
not yet added module or hooks file would be missing. So the tests try a committed
snapshot of this project's working tree (tracked and untracked files, .gitignore'd ones
left out): they test the code as it is on disk, committed or not.

Slow (each try-repo run builds a virtualenv): deselect with ``-m "not slow"``.
"""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import cleaner

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "000_2f044eb3d028fcd5.txt"

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed"),
    pytest.mark.skipif(importlib.util.find_spec("pre_commit") is None,
                       reason="pre-commit is not installed (pip install -e '.[test]')"),
]

ARTICLE = """\
City council approves new bus shelters for the north district
Home | News | Sport | Weather
The city council voted on Tuesday to build forty new bus shelters in the north district, where residents have waited years for protection from the rain and the wind.
The shelters will have benches, lighting and real-time arrival screens, and the first ones should be in place before the winter, according to the transport department.
Share on Facebook
"""
OTHER = """\
Library opening hours extended during the exam season
The central library will stay open until midnight for the next four weeks, so that students preparing for their exams have a quiet place to work in the evening.
Extra staff will be on duty, and the reading rooms on the second floor will be reserved for silent study during the whole period.
"""
# Files the hooks must leave alone: outside corpus/ (the include glob), or not .txt/.jsonl.
BYSTANDERS = {
    "requirements.txt": "requests>=2.31\nflask\n",
    "LICENSE.txt": "MIT License\nPermission is hereby granted, free of charge, to any person.\n",
    "docs/notes.txt": ARTICLE,
    "README.md": ARTICLE,
}
PYPROJECT = '[project]\nname = "my-corpus"\n\n[tool.cleaner]\ninclude = ["corpus/**"]\n'


def environment(home: Path) -> dict[str, str]:
    env = {key: value for key, value in os.environ.items() if not key.startswith("GIT_")}
    env.update(PRE_COMMIT_HOME=str(home), PRE_COMMIT_COLOR="never", GIT_TERMINAL_PROMPT="0",
               PIP_DISABLE_PIP_VERSION_CHECK="1", VIRTUALENV_OVERRIDE_APP_DATA=str(home / "venv"),
               GIT_CONFIG_NOSYSTEM="1", GIT_AUTHOR_NAME="tests", GIT_AUTHOR_EMAIL="tests@invalid",
               GIT_COMMITTER_NAME="tests", GIT_COMMITTER_EMAIL="tests@invalid")
    return env


def git(env: dict[str, str], cwd: Path, *args: str) -> str:
    command = ["git", "-c", "commit.gpgsign=false", "-c", "init.defaultBranch=main", *args]
    done = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True, check=True)
    return done.stdout


def commit_all(env: dict[str, str], repo: Path) -> None:
    git(env, repo, "init", "-q")
    git(env, repo, "add", "-A")
    git(env, repo, "commit", "-q", "-m", "snapshot")


@pytest.fixture(scope="module")
def home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """PRE_COMMIT_HOME (and virtualenv's app data) for these tests: nothing lands in ~/.cache."""
    return tmp_path_factory.mktemp("pre-commit-home")


@pytest.fixture(scope="module")
def hook_repo(tmp_path_factory: pytest.TempPathFactory, home: Path) -> Path:
    """A committed snapshot of this project's working tree, for try-repo."""
    env = environment(home)
    try:
        listing = git(env, ROOT, "ls-files", "-z", "--cached", "--others", "--exclude-standard")
    except subprocess.CalledProcessError:
        pytest.skip("the project is not a git checkout")
    snapshot = tmp_path_factory.mktemp("hook-repo")
    for name in filter(None, listing.split("\0")):
        source = ROOT / name
        if source.is_file():  # deleted but not yet committed files are listed too
            (snapshot / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, snapshot / name)
    commit_all(env, snapshot)
    return snapshot


@pytest.fixture()
def corpus_repo(tmp_path: Path, home: Path) -> Path:
    """A user's repository: a corpus (the seed, text files, JSON Lines) and bystanders."""
    repo = tmp_path / "project"
    files = {
        "pyproject.toml": PYPROJECT,
        "corpus/seed.txt": SEED.read_text(encoding="utf-8"),
        "corpus/news/bus-shelters.txt": ARTICLE,
        "corpus/news/library.txt": OTHER.replace("\n", "\r\n"),
        "corpus/pages.jsonl": "".join(
            json.dumps({"id": n, "text": text, "lang": "en"}) + "\n"
            for n, text in enumerate([ARTICLE, OTHER])),
        **BYSTANDERS,
    }
    for name, text in files.items():
        (repo / name).parent.mkdir(parents=True, exist_ok=True)
        (repo / name).write_bytes(text.encode("utf-8"))
    commit_all(environment(home), repo)
    return repo


def expected(original: bytes, name: str) -> bytes:
    """What the hook must turn a corpus file into, computed with the library itself."""
    text = original.decode("utf-8")
    if name.endswith(".jsonl"):
        records = [json.loads(line) for line in text.splitlines()]
        return "".join(
            json.dumps({**r, "text": cleaner.clean_document(r["text"]).text}) + "\n" for r in records
        ).encode("utf-8")
    newline = "\r\n" if "\r\n" in text else "\n"
    return (cleaner.clean_document(text).text.replace("\n", newline) + newline).encode("utf-8")


def snapshot_files(repo: Path) -> dict[str, bytes]:
    return {str(p.relative_to(repo)): p.read_bytes()
            for p in sorted(repo.rglob("*")) if p.is_file() and ".git" not in p.parts}


def try_repo(hook_repo: Path, corpus_repo: Path, hook: str, home: Path):
    command = [sys.executable, "-m", "pre_commit", "try-repo", str(hook_repo), hook,
               "--all-files", "--color", "never"]
    return subprocess.run(command, cwd=corpus_repo, env=environment(home),
                          capture_output=True, text=True, timeout=600)


def test_clean_corpus_fixes_then_passes(hook_repo, corpus_repo, home) -> None:
    before = snapshot_files(corpus_repo)
    first = try_repo(hook_repo, corpus_repo, "clean-corpus", home)
    log = first.stdout + first.stderr
    assert first.returncode == 1, log
    assert "files were modified by this hook" in log, log
    after = snapshot_files(corpus_repo)
    corpus = [name for name in before if name.startswith("corpus/")]
    assert len(corpus) == 4
    for name in corpus:
        assert after[name] == expected(before[name], name), name
        assert f"Fixing {name}" in log
    for name in [*BYSTANDERS, "pyproject.toml"]:  # outside corpus/: never touched
        assert after[name] == before[name], name

    second = try_repo(hook_repo, corpus_repo, "clean-corpus", home)
    assert second.returncode == 0, second.stdout + second.stderr
    assert snapshot_files(corpus_repo) == after


def test_check_corpus_fails_without_touching_files(hook_repo, corpus_repo, home) -> None:
    before = snapshot_files(corpus_repo)
    mtimes = {p: p.stat().st_mtime_ns for p in corpus_repo.rglob("*") if p.is_file()}
    run = try_repo(hook_repo, corpus_repo, "check-corpus", home)
    log = run.stdout + run.stderr
    assert run.returncode == 1, log
    assert "Would fix corpus/seed.txt" in log, log
    assert "requirements.txt" not in log
    assert snapshot_files(corpus_repo) == before
    assert {p: p.stat().st_mtime_ns for p in mtimes} == mtimes
