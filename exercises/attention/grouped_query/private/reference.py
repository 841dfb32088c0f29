"""Reference: grouped-query attention (KV heads repeated per group, stable softmax, zero rows when fully masked)."""

import numpy as np


def grouped_query_attention(q, k, v, mask=None, is_causal=False):
    group = q.shape[1] // k.shape[1]
    k = np.repeat(k, group, axis=1)
    v = np.repeat(v, group, axis=1)
    scores = q @ np.swapaxes(k, 2, 3) / np.sqrt(q.shape[3])
    length, source = scores.shape[2:]
    allowed = np.ones(scores.shape, dtype=bool)
    if mask is not None:
        allowed = allowed & mask
    if is_causal:
        allowed = allowed & np.tril(np.ones((length, source), dtype=bool))
    scores = np.where(allowed, scores, -np.inf)
    with np.errstate(invalid="ignore"):
        weights = np.where(allowed, np.exp(scores - scores.max(axis=3, keepdims=True)), 0.0)
    total = weights.sum(axis=3, keepdims=True)
    return np.divide(weights, total, out=np.zeros_like(weights), where=total > 0) @ v
