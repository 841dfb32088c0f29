"""Reference: rotary position embeddings, half-split or interleaved pairs, θ_i = base^(−2i/d)."""

import numpy as np


def _rotate(x, angles, interleaved):
    cos, sin = np.cos(angles), np.sin(angles)
    if interleaved:
        first, second = x[..., 0::2], x[..., 1::2]
    else:
        half = x.shape[-1] // 2
        first, second = x[..., :half], x[..., half:]
    new_first = first * cos - second * sin
    new_second = second * cos + first * sin
    if interleaved:
        return np.stack([new_first, new_second], axis=-1).reshape(x.shape)
    return np.concatenate([new_first, new_second], axis=-1)


def rotary_embedding(q, k, positions, base=10000.0, interleaved=False):
    d = q.shape[-1]
    angles = np.asarray(positions, dtype=np.float64)[:, None] * base ** (-np.arange(0, d, 2) / d)
    return _rotate(q, angles, interleaved), _rotate(k, angles, interleaved)
