"""Wrong: reshapes (B, L, d_model) straight to (B, H, L, d_head) — heads mix positions."""

import numpy as np


def multi_head_attention(x, w_q, w_k, w_v, w_o, num_heads, mask=None):
    batch, length, d_model = x.shape
    d_head = d_model // num_heads
    q, k, v = ((x @ w).reshape(batch, num_heads, length, d_head) for w in (w_q, w_k, w_v))
    scores = q @ np.swapaxes(k, -1, -2) / np.sqrt(d_head)
    allowed = np.broadcast_to(True if mask is None else np.asarray(mask, dtype=bool), scores.shape)
    scores = np.where(allowed, scores, -np.inf)
    top = np.max(scores, axis=-1, keepdims=True)
    weights = np.where(allowed, np.exp(scores - np.where(np.isfinite(top), top, 0)), 0)
    total = weights.sum(-1, keepdims=True)
    weights = np.divide(weights, total, out=np.zeros_like(weights), where=total > 0)
    return (weights @ v).reshape(batch, length, d_model) @ w_o
