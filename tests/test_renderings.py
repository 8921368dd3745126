"""benchmarks/renderings.py renders HTML as it says: one line per block, or per text node."""

from __future__ import annotations

import importlib.util
from pathlib import Path

_PATH = Path(__file__).resolve().parent.parent / "benchmarks" / "renderings.py"
_spec = importlib.util.spec_from_file_location("renderings", _PATH)
renderings = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(renderings)

PAGE = """<html><head><title>The river rises</title><style>p { color: red }</style></head>
<body><nav><a href="/">Home</a> <a href="/news">News</a></nav>
<h1>The river rises</h1><script>var x = "never shown";</script>
<p>The water came in the night, <a href="/flood">as it did in May</a>, and the town was not ready.<br>A second line.</p>
<ul><li>One</li><li>Two</li></ul></body></html>"""


def test_blocks_break_lines_at_block_elements_only():
    assert renderings.blocks(PAGE).splitlines() == [
        "The river rises",
        "Home News",
        "The river rises",
        "The water came in the night, as it did in May, and the town was not ready.",
        "A second line.",
        "One",
        "Two",
    ]


def test_text_nodes_cut_a_sentence_at_its_link():
    lines = renderings.text_nodes(PAGE).splitlines()
    assert lines[0] == "The river rises"  # the <title>, first
    assert "as it did in May" in lines and "The water came in the night," in lines
    assert not any("never shown" in line or "color" in line for line in lines)


def test_the_no_title_rendering_drops_only_the_first_line():
    assert renderings.without_first_line("Title\nA\nB") == "A\nB"
