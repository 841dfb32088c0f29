"""The error-map heatmap: a PNG made with zlib + struct, inlined as a data: URI.

A cell's value is its error ÷ the allowed error (rtol·|expected| + atol): ≤ 1 is within tolerance
(greens, lighter = smaller), > 1 is out of tolerance (yellow → dark red on a log scale up to 10⁸),
NaN is grey and ∞ the darkest red.
"""

from __future__ import annotations

import base64
import math
import struct
import zlib
from typing import Any

from .format import as_float

Color = tuple[int, int, int]

TARGET_PIXELS = 192  # the longer side of the image, before the browser scales it
LOG_SPAN = 8.0  # out-of-tolerance colors saturate at 10**LOG_SPAN × the allowed error
NAN: Color = (190, 190, 190)
INFINITE: Color = (80, 0, 10)
WITHIN = ((247, 252, 245), (116, 196, 118))
OUTSIDE = ((254, 224, 139), (244, 109, 67), (165, 0, 38))


def _mix(stops: tuple[Color, ...], t: float) -> Color:
    """Linear interpolation along color stops, t in [0, 1]."""
    t = min(max(t, 0.0), 1.0) * (len(stops) - 1)
    i = min(int(t), len(stops) - 2)
    a, b, f = stops[i], stops[i + 1], t - i
    return (round(a[0] + (b[0] - a[0]) * f), round(a[1] + (b[1] - a[1]) * f), round(a[2] + (b[2] - a[2]) * f))


def cell_color(value: Any) -> Color:
    """The color of one error-map cell (error ÷ allowed error)."""
    x = as_float(value)
    if x is None or math.isnan(x):
        return NAN
    if math.isinf(x):
        return INFINITE
    if x <= 1.0:
        return _mix(WITHIN, (math.log10(max(x, 1e-3)) + 3.0) / 3.0)
    return _mix(OUTSIDE, math.log10(x) / LOG_SPAN)


def encode_png(pixels: list[list[Color]]) -> bytes:
    """An 8-bit RGB PNG of a non-empty rectangular pixel grid."""
    height, width = len(pixels), len(pixels[0])
    raw = b"".join(b"\x00" + bytes(channel for pixel in row for channel in pixel) for row in pixels)

    def chunk(tag: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + tag + data + struct.pack(">I", zlib.crc32(tag + data) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b"")


def heatmap_png(error_map: list[list[Any]]) -> bytes:
    """The error map as a PNG, each cell a square block of pixels."""
    rows, cols = len(error_map), max(len(row) for row in error_map)
    scale = max(1, TARGET_PIXELS // max(rows, cols))
    pixels = []
    for row in error_map:
        colors = [cell_color(row[c]) if c < len(row) else NAN for c in range(cols)]
        line = [color for color in colors for _ in range(scale)]
        pixels.extend([line] * scale)
    return encode_png(pixels)


def heatmap_uri(error_map: list[list[Any]] | None) -> str | None:
    """The error map as a data:image/png URI, or None when there is no (non-empty) map."""
    if not error_map or not any(error_map):
        return None
    return "data:image/png;base64," + base64.b64encode(heatmap_png(error_map)).decode("ascii")


def out_of_tolerance(error_map: list[list[Any]]) -> tuple[int, int]:
    """(cells out of tolerance, cells) of an error map; NaN cells count as out."""
    values = [as_float(v) for row in error_map for v in row]
    bad = sum(1 for v in values if v is None or math.isnan(v) or v > 1.0)
    return bad, len(values)
