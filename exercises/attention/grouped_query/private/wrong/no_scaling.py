"""Wrong: forgets to divide the scores by sqrt(d)."""

import numpy as np


def grouped_query_attention(q, k, v, mask=None, is_causal=False):
    batch, num_q, length, _ = q.shape
    num_kv = k.shape[1]
    out = np.zeros((batch, num_q, length, v.shape[-1]))
    allowed = np.ones((batch, num_q, length, k.shape[2]), dtype=bool)
    if mask is not None:
        allowed = allowed & np.broadcast_to(mask, allowed.shape)
    if is_causal:
        allowed = allowed & np.tril(np.ones(allowed.shape[-2:], dtype=bool))
    for h in range(num_q):
        kv = h // (num_q // num_kv)
        scores = q[:, h] @ k[:, kv].transpose(0, 2, 1)
        scores = np.where(allowed[:, h], scores, -np.inf)
        top = scores.max(axis=-1, keepdims=True)
        weights = np.where(allowed[:, h], np.exp(scores - np.where(np.isfinite(top), top, 0.0)), 0.0)
        total = weights.sum(axis=-1, keepdims=True)
        weights = np.divide(weights, total, out=np.zeros_like(weights), where=total > 0)
        out[:, h] = weights @ v[:, kv]
    return out
