"""Wrong: forgets to divide the scores by sqrt(d)."""

import numpy as np


def sliding_window_attention(q, k, v, window):
    length = q.shape[-2]
    out = np.empty(q.shape[:-1] + (v.shape[-1],))
    for i in range(length):
        start = max(0, i - window + 1)
        scores = np.einsum("...d,...jd->...j", q[..., i, :], k[..., start:i + 1, :])
        weights = np.exp(scores - scores.max(axis=-1, keepdims=True))
        weights /= weights.sum(axis=-1, keepdims=True)
        out[..., i, :] = np.einsum("...j,...jd->...d", weights, v[..., start:i + 1, :])
    return out
