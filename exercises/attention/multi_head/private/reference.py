"""Reference: multi-head attention (float64, stable softmax, zero rows when fully masked)."""

import numpy as np


def split_heads(y: np.ndarray, num_heads: int) -> np.ndarray:
    """(B, L, d_model) → (B, num_heads, L, d_head)."""
    batch, length, d_model = y.shape
    return y.reshape(batch, length, num_heads, d_model // num_heads).transpose(0, 2, 1, 3)


def multi_head_attention(x, w_q, w_k, w_v, w_o, num_heads, mask=None):
    batch, length, d_model = x.shape
    q, k, v = (split_heads(x @ w, num_heads) for w in (w_q, w_k, w_v))
    scores = q @ k.transpose(0, 1, 3, 2) / np.sqrt(d_model // num_heads)
    allowed = np.broadcast_to(True if mask is None else np.asarray(mask, dtype=bool), scores.shape)
    scores = np.where(allowed, scores, -np.inf)
    row_max = scores.max(axis=-1, keepdims=True)
    weights = np.where(allowed, np.exp(scores - np.where(np.isfinite(row_max), row_max, 0.0)), 0.0)
    total = weights.sum(axis=-1, keepdims=True)
    weights = np.divide(weights, total, out=np.zeros_like(weights), where=total > 0)
    heads = (weights @ v).transpose(0, 2, 1, 3).reshape(batch, length, d_model)
    return heads @ w_o
