"""Wrong: rotates in a copy half by half, reading the already-rotated first half for the second."""

import numpy as np


def _rotate(x, cos, sin, interleaved):
    out = x.copy()
    if interleaved:
        a, b = (slice(0, None, 2), slice(1, None, 2))
    else:
        half = x.shape[-1] // 2
        a, b = slice(0, half), slice(half, None)
    out[..., a] = out[..., a] * cos - out[..., b] * sin
    out[..., b] = out[..., b] * cos + out[..., a] * sin
    return out


def rotary_embedding(q, k, positions, base=10000.0, interleaved=False):
    d = q.shape[-1]
    angles = np.outer(positions, 1.0 / base ** (np.arange(0, d, 2) / d))
    cos, sin = np.cos(angles), np.sin(angles)
    return _rotate(q, cos, sin, interleaved), _rotate(k, cos, sin, interleaved)
