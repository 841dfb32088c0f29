"""Wrong: a symmetric band |i − j| < window (bidirectional local attention), not causal."""

import numpy as np


def sliding_window_attention(q, k, v, window):
    idx = np.arange(q.shape[-2])
    band = np.abs(idx[:, None] - idx[None, :]) < window
    scores = q @ np.swapaxes(k, -1, -2) / np.sqrt(q.shape[-1])
    scores = np.where(band, scores, -np.inf)
    weights = np.exp(scores - scores.max(axis=-1, keepdims=True))
    weights /= weights.sum(axis=-1, keepdims=True)
    return weights @ v
