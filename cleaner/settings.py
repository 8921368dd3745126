"""Settings of the command line: ``[tool.cleaner]`` in pyproject.toml or a ``--config`` file.

A settings table holds two kinds of keys: the fields of :class:`cleaner.Config` (read
generically from the dataclass, so a field added there is accepted here at once) and a
few settings of the command line itself (``include``, ``exclude``, ``max-loss``,
``text-field``, ``html``). Keys may be spelt with dashes or underscores. Any other key
is an error naming it: a typo must not silently leave a corpus cleaned with defaults.
"""

from __future__ import annotations

import dataclasses
import fnmatch
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Mapping

try:  # Python 3.11+
    import tomllib
except ModuleNotFoundError:  # pragma: no cover - Python 3.10 with tomli installed
    try:
        import tomli as tomllib  # type: ignore[no-redef]
    except ModuleNotFoundError:
        tomllib = None  # type: ignore[assignment]

from .config import Config

PYPROJECT = "pyproject.toml"
#: Settings of the command line (not of Config) that a settings table may hold, with their types.
CLI_SETTINGS: dict[str, type] = {
    "include": list,
    "exclude": list,
    "max_loss": float,
    "text_field": str,
    "html": bool,
}
#: Config fields holding a file's path: relative paths in a settings file are relative to it.
PATH_SETTINGS = frozenset({"profile"})


class SettingsError(ValueError):
    """A settings file or value that cannot be used: the command line reports a usage error."""


@dataclass(frozen=True)
class Settings:
    """The settings read from one file (or none): Config values and command-line values."""

    path: Path | None = None
    config: Mapping[str, Any] = field(default_factory=dict)
    cli: Mapping[str, Any] = field(default_factory=dict)

    @property
    def root(self) -> Path:
        """The folder include/exclude globs are relative to: the settings file's folder."""
        return self.path.parent if self.path is not None else Path.cwd()

    def file_filter(self) -> FileFilter:
        return FileFilter(
            str(self.root), tuple(self.cli.get("include", ())), tuple(self.cli.get("exclude", ()))
        )


def find_pyproject(start: Path) -> Path | None:
    """The nearest pyproject.toml from ``start`` upwards, not looking above the repository root."""
    start = start.absolute()
    for folder in (start, *start.parents):
        candidate = folder / PYPROJECT
        if candidate.is_file():
            return candidate
        if (folder / ".git").exists():
            return None
    return None


def load_settings(config_file: str | os.PathLike[str] | None = None, cwd: Path | None = None) -> Settings:
    """Settings from ``config_file`` if given, else from the repository's pyproject.toml."""
    if config_file is not None:
        return _load(Path(config_file).absolute(), explicit=True)
    found = find_pyproject(cwd if cwd is not None else Path.cwd())
    return _load(found, explicit=False) if found is not None else Settings()


def _load(path: Path, *, explicit: bool) -> Settings:
    data = _read_toml(path)
    tool = data.get("tool")
    if isinstance(tool, dict):
        table, where = tool.get("cleaner"), f"{path} [tool.cleaner]"
        if table is None and explicit:
            raise SettingsError(f"{path}: no [tool.cleaner] table")
    elif explicit:
        table, where = data, str(path)  # a plain table of settings
    else:
        table, where = None, str(path)  # a pyproject.toml without [tool]
    if table is None:
        return Settings(path=path)
    if not isinstance(table, dict):
        raise SettingsError(f"{where}: must be a table")
    config_values, cli_values = parse_table(table, where)
    for key in PATH_SETTINGS & config_values.keys():
        if isinstance(config_values[key], str):
            config_values[key] = str(path.parent / config_values[key])
    return Settings(path=path, config=config_values, cli=cli_values)


def _read_toml(path: Path) -> dict[str, Any]:
    if tomllib is None:  # pragma: no cover
        raise SettingsError("reading settings files needs Python 3.11+ or the tomli package")
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise SettingsError(f"cannot read {path}: {error.strerror or error}") from None
    except UnicodeDecodeError:
        raise SettingsError(f"{path}: not valid UTF-8") from None
    except tomllib.TOMLDecodeError as error:
        raise SettingsError(f"{path}: invalid TOML: {error}") from None


def parse_table(table: Mapping[str, Any], where: str) -> tuple[dict[str, Any], dict[str, Any]]:
    """Split a settings table into Config values and command-line values, checking each."""
    fields = {f.name: f for f in dataclasses.fields(Config)}
    config_values: dict[str, Any] = {}
    cli_values: dict[str, Any] = {}
    for raw_key, value in table.items():
        key = raw_key.replace("-", "_")
        if key in fields:
            config_values[key] = coerce(raw_key, value, field_sample(fields[key]), where)
        elif key in CLI_SETTINGS:
            cli_values[key] = coerce(raw_key, value, CLI_SETTINGS[key](), where)
        else:
            known = ", ".join(sorted(k.replace("_", "-") for k in (*fields, *CLI_SETTINGS)))
            raise SettingsError(f"{where}: unknown setting {raw_key!r} (known settings: {known})")
    return config_values, cli_values


def field_sample(f: dataclasses.Field[Any]) -> Any:
    """A field's default value, which tells what type its values have."""
    if f.default is not dataclasses.MISSING:
        return f.default
    if f.default_factory is not dataclasses.MISSING:
        return f.default_factory()
    return None


def coerce(key: str, value: Any, sample: Any, where: str) -> Any:
    """``value`` checked against the type of ``sample``; lists become tuples for tuple fields."""
    if isinstance(sample, bool):
        ok, wanted = isinstance(value, bool), "true or false"
    elif isinstance(sample, int):
        ok, wanted = isinstance(value, int) and not isinstance(value, bool), "an integer"
    elif isinstance(sample, float):
        ok, wanted = isinstance(value, (int, float)) and not isinstance(value, bool), "a number"
        value = float(value) if ok else value
    elif isinstance(sample, str):
        ok, wanted = isinstance(value, str), "a string"
    elif isinstance(sample, (tuple, list)):
        ok = isinstance(value, list) and all(isinstance(item, str) for item in value)
        wanted = "a list of strings"
        value = type(sample)(value) if ok else value
    else:  # a type this module does not know: Config's own validation has the last word
        ok, wanted = True, ""
    if not ok:
        raise SettingsError(f"{where}: {key} must be {wanted}, not {value!r}")
    return value


def make_config(file_values: Mapping[str, Any], cli_values: Mapping[str, Any]) -> Config:
    """The Config from a settings file's values, overridden by the command line's."""
    try:
        return Config(**{**file_values, **cli_values})
    except (TypeError, ValueError) as error:
        raise SettingsError(f"invalid setting: {error}") from None


# --- include / exclude globs ------------------------------------------------------------


def _glob_parts(names: list[str], globs: list[str]) -> bool:
    """Do path names match glob components? ``**`` stands for any number of names.

    A table over (component, name) pairs, filled back to front: time is the product of
    the two lengths, whatever the pattern (a regex of several ``*`` can backtrack
    exponentially). Each name is compared with fnmatch, which never backtracks badly.
    """
    # can[j] for the current i: globs[i:] matches names[j:]
    can = [False] * len(names) + [True]  # i == len(globs): only the empty rest matches
    for i in range(len(globs) - 1, -1, -1):
        now = [False] * (len(names) + 1)
        for j in range(len(names), -1, -1):
            if globs[i] == "**":
                now[j] = can[j] or (j < len(names) and now[j + 1])
            else:
                now[j] = j < len(names) and fnmatch.fnmatchcase(names[j], globs[i]) and can[j + 1]
        can = now
    return can[0]


def glob_matches(relative: str, pattern: str) -> bool:
    """Does a '/'-separated relative path match a glob, as in .gitignore?

    ``*`` and ``?`` stay within one name, ``**`` crosses folders, ``[...]`` is a class.
    A pattern without a slash matches a file or folder name at any depth (``LICENSE*``);
    one with a slash is anchored at the settings file's folder (``corpus/**``). Matching a
    folder matches everything inside it.
    """
    pattern = pattern.strip().lstrip("/").removeprefix("./").rstrip("/")
    if not pattern:
        return False
    parts = relative.split("/")
    if "/" not in pattern:
        return any(_glob_parts([part], [pattern]) for part in parts)
    globs = [g if "**" not in g or g == "**" else g.replace("**", "*") for g in pattern.split("/")]
    return any(_glob_parts(parts[: n + 1], globs) for n in range(len(parts)))


@dataclass(frozen=True)
class FileFilter:
    """Which of the files named on the command line to process (``include``/``exclude``)."""

    root: str
    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()

    def selects(self, path: str) -> bool:
        """Without globs every file; with globs only files under ``root`` that match them."""
        if not self.include and not self.exclude:
            return True
        relative = self.relative(path)
        if relative is None:
            return False
        if self.include and not _any_match(relative, self.include):
            return False
        return not _any_match(relative, self.exclude)

    def relative(self, path: str) -> str | None:
        """``path`` relative to ``root`` with '/' separators, or None when it is outside."""
        try:
            relative = os.path.relpath(os.path.abspath(path), os.path.abspath(self.root))
        except ValueError:  # another drive on Windows
            return None
        relative = relative.replace(os.sep, "/")
        if relative == "." or relative.split("/")[0] == "..":
            return None
        return relative


def _any_match(relative: str, patterns: Iterable[str]) -> bool:
    return any(glob_matches(relative, pattern) for pattern in patterns)
