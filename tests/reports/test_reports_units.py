"""The renderers' building blocks, without Docker: the PNG heatmap, the mismatch window, Markdown
escaping, number formatting, and the rule that no template marks text safe."""

from __future__ import annotations

import re
import struct
import zlib
from pathlib import Path
from typing import Any

import pytest

from reports import heatmap
from reports.format import number, seconds
from reports.markdown import escape
from reports.window import window_view

REPORTS = Path(__file__).resolve().parents[2] / "reports"


def decode_png(data: bytes) -> tuple[int, int, list[list[tuple[int, int, int]]]]:
    """(width, height, rows of RGB pixels) of an 8-bit RGB PNG, checking every chunk's CRC."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    position = 8
    chunks: dict[bytes, bytes] = {}
    while position < len(data):
        (length,) = struct.unpack(">I", data[position:position + 4])
        tag, body = data[position + 4:position + 8], data[position + 8:position + 8 + length]
        (crc,) = struct.unpack(">I", data[position + 8 + length:position + 12 + length])
        assert crc == zlib.crc32(tag + body) & 0xFFFFFFFF
        chunks[tag] = chunks.get(tag, b"") + body
        position += 12 + length
    width, height, depth, color, _, _, _ = struct.unpack(">IIBBBBB", chunks[b"IHDR"])
    assert (depth, color) == (8, 2) and b"IEND" in chunks
    raw = zlib.decompress(chunks[b"IDAT"])
    stride = 1 + 3 * width
    rows = []
    for y in range(height):
        line = raw[y * stride:(y + 1) * stride]
        assert line[0] == 0  # filter type None
        rows.append([(line[1 + 3 * x], line[2 + 3 * x], line[3 + 3 * x]) for x in range(width)])
    return width, height, rows


def test_heatmap_png_cells_and_colors() -> None:
    error_map: list[list[Any]] = [[0.01, 0.9, 3.0], [1e9, "nan", "inf"]]
    width, height, rows = decode_png(heatmap.heatmap_png(error_map))
    scale = heatmap.TARGET_PIXELS // 3
    assert (width, height) == (3 * scale, 2 * scale)
    cell = [[rows[r * scale + scale // 2][c * scale + scale // 2] for c in range(3)] for r in range(2)]
    within, near, out = cell[0]
    assert within[1] > within[0] and near[1] > near[0]  # greens within tolerance
    assert out[0] > out[1] and out[0] > out[2]  # red-ish beyond it
    assert cell[1] == [heatmap.OUTSIDE[-1], heatmap.NAN, heatmap.INFINITE]
    assert heatmap.out_of_tolerance(error_map) == (4, 6)


def test_heatmap_uri_only_for_a_map() -> None:
    assert heatmap.heatmap_uri(None) is None and heatmap.heatmap_uri([]) is None and heatmap.heatmap_uri([[]]) is None
    assert heatmap.heatmap_uri([[2.0]]).startswith("data:image/png;base64,")  # type: ignore[union-attr]


def test_window_marks_the_worst_and_the_out_of_tolerance_cells() -> None:
    mismatch = {"worst_index": [0, 2, 1], "rtol": 0.0, "atol": 0.1,
                "window": {"leading_index": [0], "rows": [1, 2], "cols": [0, 1],
                           "expected": [[1.0, 2.0], [3.0, 4.0]], "actual": [[1.0, 2.5], [3.05, "nan"]]}}
    view = window_view(mismatch)
    assert view is not None and view["leading_index"] == [0] and view["cols"] == [0, 1]
    assert [row["label"] for row in view["rows"]] == [1, 2]
    assert [[c["worst"] for c in row["cells"]] for row in view["rows"]] == [[False, False], [False, True]]
    assert [[c["bad"] for c in row["cells"]] for row in view["rows"]] == [[False, True], [False, True]]
    assert window_view({"window": None}) is None and window_view(None) is None


def test_a_one_dimensional_window_has_one_unlabelled_row() -> None:
    view = window_view({"worst_index": [3], "rtol": 1e-7, "atol": 1e-9,
                        "window": {"leading_index": [], "rows": None, "cols": [1, 2, 3],
                                   "expected": [[1.0, 2.0, 3.0]], "actual": [[1.0, 2.0, 4.0]]}})
    assert view is not None
    [row] = view["rows"]
    assert row["label"] is None and [c["worst"] for c in row["cells"]] == [False, False, True]


@pytest.mark.parametrize(("text", "escaped"), [
    ("a | b", r"a \| b"),
    ("`code`", r"\`code\`"),
    ("<img src=x onerror=alert(1)>", "&lt;img src=x onerror=alert(1)&gt;"),
    ("&amp; *em* _u_ [l](u) ~s~ #h !", r"&amp;amp; \*em\* \_u\_ \[l\](u) \~s\~ \#h \!"),
    ("two\nlines\r\n  three", "two lines three"),
    ("back\\slash", "back\\\\slash"),
])
def test_markdown_escape(text: str, escaped: str) -> None:
    assert escape(text) == escaped


def test_numbers_and_durations() -> None:
    assert [number(v) for v in (0.123456789, "nan", "inf", "-inf", None, 3)] == ["0.123457", "NaN", "∞", "−∞", "—", "3"]
    assert [seconds(v) for v in (0.00027, 2.0004, None)] == ["0.27 ms", "2.00 s", "—"]


def test_nothing_is_marked_safe_and_autoescape_stays_on() -> None:
    sources = [*REPORTS.glob("*.py"), *(REPORTS / "templates").iterdir()]
    text = "\n".join(path.read_text(encoding="utf-8") for path in sources)
    assert not re.search(r"\|\s*safe\b|Markup\(|autoescape\s*(false|off)|\{%-?\s*autoescape", text, re.IGNORECASE)
    assert "autoescape=True" in (REPORTS / "html.py").read_text(encoding="utf-8")
