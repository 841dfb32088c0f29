"""Wrong: allows i − window ≤ j ≤ i, one key more than the window."""

import numpy as np


def sliding_window_attention(q, k, v, window):
    length = q.shape[-2]
    band = np.tril(np.ones((length, length), dtype=bool)) & np.triu(np.ones((length, length), dtype=bool), -window)
    scores = q @ np.swapaxes(k, -1, -2) / np.sqrt(q.shape[-1])
    scores = np.where(band, scores, -np.inf)
    weights = np.exp(scores - scores.max(axis=-1, keepdims=True))
    weights /= weights.sum(axis=-1, keepdims=True)
    return weights @ v
