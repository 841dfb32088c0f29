"""Reference: causal attention restricted to the `window` most recent keys (stable softmax)."""

import numpy as np


def sliding_window_attention(q, k, v, window):
    length = q.shape[-2]
    offset = np.arange(length)[:, None] - np.arange(length)
    allowed = (offset >= 0) & (offset < window)
    scores = np.where(allowed, q @ np.swapaxes(k, -1, -2) / np.sqrt(q.shape[-1]), -np.inf)
    weights = np.exp(scores - scores.max(axis=-1, keepdims=True))
    return weights / weights.sum(axis=-1, keepdims=True) @ v
