"""Reference: multi-head cross-attention; padded keys (mask True) excluded, fully padded rows give zeros."""

import numpy as np


def _heads(x, weight, num_heads):
    """(B, T, d_model) @ weight split into (B, num_heads, T, d_head)."""
    batch, steps, d_model = x.shape
    return (x @ weight).reshape(batch, steps, num_heads, d_model // num_heads).transpose(0, 2, 1, 3)


def cross_attention(x, memory, w_q, w_k, w_v, w_o, num_heads, key_padding_mask=None):
    q, k, v = _heads(x, w_q, num_heads), _heads(memory, w_k, num_heads), _heads(memory, w_v, num_heads)
    allowed = np.ones(1, dtype=bool) if key_padding_mask is None else ~key_padding_mask[:, None, None, :]
    scores = np.where(allowed, q @ k.transpose(0, 1, 3, 2) / np.sqrt(q.shape[3]), -np.inf)
    with np.errstate(invalid="ignore"):
        weights = np.where(allowed, np.exp(scores - scores.max(axis=3, keepdims=True)), 0.0)
    total = weights.sum(axis=3, keepdims=True)
    weights = np.divide(weights, total, out=np.zeros_like(weights), where=total > 0)
    return (weights @ v).transpose(0, 2, 1, 3).reshape(x.shape) @ w_o
