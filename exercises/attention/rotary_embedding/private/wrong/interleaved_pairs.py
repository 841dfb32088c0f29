"""Wrong: always pairs neighbouring features (2i, 2i + 1), whatever `interleaved` says."""

import numpy as np


def _apply(x, cos, sin):
    even, odd = x[..., ::2], x[..., 1::2]
    out = np.empty_like(x)
    out[..., ::2] = even * cos - odd * sin
    out[..., 1::2] = odd * cos + even * sin
    return out


def rotary_embedding(q, k, positions, base=10000.0, interleaved=False):
    d = q.shape[-1]
    inv_freq = 1.0 / base ** (np.arange(0, d, 2) / d)
    angles = np.outer(positions, inv_freq)
    cos, sin = np.cos(angles), np.sin(angles)
    return _apply(q, cos, sin), _apply(k, cos, sin)
