"""Bytes to text for HTML mode: BOM, declared charset, UTF-8, detection, windows-1252.

Never raises on bad bytes: the last resort decodes with errors="replace".
"""

from __future__ import annotations

import codecs
import re

#: The declared charset is looked for in this many first bytes (HTML asks for 1024).
DECLARATION_WINDOW = 4096

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),  # before UTF-16 LE: it starts with the same bytes
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# <meta charset="x">, <meta http-equiv="Content-Type" content="text/html; charset=x">,
# <?xml version="1.0" encoding="x"?>. Bounded repetitions only: linear on any input.
_DECLARED = re.compile(
    rb"""<meta[^>]{0,512}?charset\s*=\s*(?:["']\s*)?([A-Za-z0-9._:\-]{1,40})"""
    rb"""|<\?xml[^>]{0,200}?encoding\s*=\s*["']([A-Za-z0-9._:\-]{1,40})""",
    re.IGNORECASE,
)
# Labels that browsers read as windows-1252 (the WHATWG Encoding Standard).
_AS_WINDOWS_1252 = frozenset({"iso-8859-1", "iso8859-1", "latin-1", "latin1", "l1", "ascii", "us-ascii", "cp819", "iso-ir-100"})


def declared_charset(data: bytes) -> str | None:
    """The Python codec named by the page's first <meta charset> or XML declaration, if any."""
    match = _DECLARED.search(data[:DECLARATION_WINDOW])
    if not match:
        return None
    label = (match.group(1) or match.group(2)).decode("ascii").lower()
    if label in _AS_WINDOWS_1252:
        return "cp1252"
    try:
        name = codecs.lookup(label).name
    except LookupError:
        return None
    # A page that reached us as bytes declaring UTF-16 without a BOM is UTF-8 (WHATWG).
    return "utf-8" if name.startswith(("utf-16", "utf-32")) else name


def _single_byte(codec: str) -> bool:
    try:
        return len("\u00e9".encode(codec)) == 1
    except (UnicodeEncodeError, LookupError):
        return False


def decode(data: bytes) -> str:
    """Decode a page's bytes: BOM, declared charset, UTF-8, detected charset, windows-1252.

    1. A byte-order mark decides (UTF-8, UTF-16, UTF-32); a page whose bytes then do not
       decode keeps its BOM's charset with errors="replace" (the mark is unambiguous).
    2. Else the charset declared in the first 4 KB (<meta charset>, http-equiv or an XML
       declaration), if the bytes decode with it without error. A page declaring a
       single-byte charset (latin-1, windows-1252...) whose bytes are valid UTF-8 with
       non-ASCII characters in them is read as UTF-8: that is the common mislabelling,
       and valid multi-byte UTF-8 almost never arises by chance from a single-byte text.
    3. Else UTF-8, if the bytes are valid UTF-8.
    4. Else the charset charset_normalizer detects, if it decodes without error.
    5. Else windows-1252 with errors="replace" (the last resort): the five bytes that
       windows-1252 leaves undefined become U+FFFD. Never raises on bad bytes.
    """
    if not isinstance(data, (bytes, bytearray, memoryview)):
        raise TypeError(f"expected bytes, not {type(data).__name__}")
    data = bytes(data)
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(codec)
            except UnicodeDecodeError:
                return data[len(bom) :].decode(codec, errors="replace")
    declared = declared_charset(data)
    if declared is not None:
        if declared != "utf-8" and _single_byte(declared) and not data.isascii():
            try:
                return data.decode("utf-8")
            except UnicodeDecodeError:
                pass
        try:
            return data.decode(declared)
        except (UnicodeDecodeError, LookupError):
            pass
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        from charset_normalizer import from_bytes

        best = from_bytes(data).best()
        if best is not None and best.encoding:
            return data.decode(best.encoding)
    except (ImportError, LookupError, UnicodeDecodeError):
        pass
    return data.decode("cp1252", errors="replace")
