"""Wrong: pairs query head h with KV head h % Hkv (np.tile) instead of h // group (np.repeat)."""

import numpy as np


def grouped_query_attention(q, k, v, mask=None, is_causal=False):
    group = q.shape[1] // k.shape[1]
    k = np.tile(k, (1, group, 1, 1))
    v = np.tile(v, (1, group, 1, 1))
    scores = q @ k.transpose(0, 1, 3, 2) / np.sqrt(q.shape[-1])
    allowed = np.ones(scores.shape, dtype=bool)
    if mask is not None:
        allowed &= np.asarray(mask, dtype=bool)
    if is_causal:
        allowed &= np.tril(np.ones(scores.shape[-2:], dtype=bool))
    scores = np.where(allowed, scores, -np.inf)
    top = scores.max(axis=-1, keepdims=True)
    weights = np.where(allowed, np.exp(scores - np.where(np.isfinite(top), top, 0.0)), 0.0)
    total = weights.sum(axis=-1, keepdims=True)
    return np.divide(weights, total, out=np.zeros_like(weights), where=total > 0) @ v
