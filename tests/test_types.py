"""cleaner ships py.typed, so its annotations are a promise: the package type-checks."""

from __future__ import annotations

from pathlib import Path

from mypy import api

PACKAGE = Path(__file__).resolve().parent.parent / "cleaner"


def test_the_package_type_checks() -> None:
    out, err, status = api.run([str(PACKAGE), "--config-file", str(PACKAGE.parent / "setup.cfg"), "--no-incremental"])
    assert status == 0, out + err
