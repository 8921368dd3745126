"""Minimal command line: print the cleaned text of a file or stdin (full CLI: issue 4)."""

from __future__ import annotations

import sys
from typing import Sequence

from .pipeline import clean_document


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if not args or args == ["-"]:
        text = sys.stdin.read()
    else:
        with open(args[0], encoding="utf-8") as handle:
            text = handle.read()
    sys.stdout.write(clean_document(text).text + "\n")
    return 0
