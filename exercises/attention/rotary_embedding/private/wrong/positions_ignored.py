"""Wrong: uses the index along L (0 … L−1) as the position instead of `positions`."""

import numpy as np


def _rotate_half(x):
    half = x.shape[-1] // 2
    return np.concatenate([-x[..., half:], x[..., :half]], axis=-1)


def _rotate_pairs(x):
    out = np.empty_like(x)
    out[..., ::2] = -x[..., 1::2]
    out[..., 1::2] = x[..., ::2]
    return out


def rotary_embedding(q, k, positions, base=10000.0, interleaved=False):
    length, d = q.shape[-2:]
    inv_freq = 1.0 / base ** (np.arange(0, d, 2) / d)
    angles = np.outer(np.arange(length), inv_freq)
    if interleaved:
        cos, sin = np.repeat(np.cos(angles), 2, axis=-1), np.repeat(np.sin(angles), 2, axis=-1)
        return q * cos + _rotate_pairs(q) * sin, k * cos + _rotate_pairs(k) * sin
    cos, sin = np.tile(np.cos(angles), 2), np.tile(np.sin(angles), 2)
    return q * cos + _rotate_half(q) * sin, k * cos + _rotate_half(k) * sin
