"""Wrong: treats mask == True as "blocked" (the key_padding_mask convention of nn.MultiheadAttention)."""

import numpy as np


def grouped_query_attention(q, k, v, mask=None, is_causal=False):
    group = q.shape[1] // k.shape[1]
    k = np.repeat(k, group, axis=1)
    v = np.repeat(v, group, axis=1)
    scores = q @ np.swapaxes(k, -1, -2) / np.sqrt(q.shape[-1])
    blocked = np.zeros(scores.shape, dtype=bool)
    if mask is not None:
        blocked |= np.asarray(mask, dtype=bool)
    if is_causal:
        blocked |= np.triu(np.ones(scores.shape[-2:], dtype=bool), k=1)
    scores = np.where(blocked, -np.inf, scores)
    top = scores.max(axis=-1, keepdims=True)
    weights = np.where(blocked, 0.0, np.exp(scores - np.where(np.isfinite(top), top, 0.0)))
    total = weights.sum(axis=-1, keepdims=True)
    return np.divide(weights, total, out=np.zeros_like(weights), where=total > 0) @ v
