"""Wrong: slopes 2^(−8h/H) for every H, also when H is not a power of two."""

import numpy as np


def alibi_attention(q, k, v):
    heads, length = q.shape[1], q.shape[2]
    slopes = 2.0 ** (-8.0 * np.arange(1, heads + 1) / heads)
    i = np.arange(length)[:, None]
    j = np.arange(length)[None, :]
    bias = -slopes[:, None, None] * (i - j)
    scores = q @ np.swapaxes(k, -1, -2) / np.sqrt(q.shape[-1]) + bias
    scores = np.where(j <= i, scores, -np.inf)
    weights = np.exp(scores - scores.max(axis=-1, keepdims=True))
    weights /= weights.sum(axis=-1, keepdims=True)
    return weights @ v
