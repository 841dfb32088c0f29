"""Reference: gradients of scaled dot-product attention (recomputed forward, row-wise softmax backward)."""

import numpy as np


def attention_weights(q, k, mask, is_causal):
    """P = softmax(q kᵀ/√d) over allowed keys; rows with no allowed key are 0."""
    scores = q @ np.swapaxes(k, -1, -2) / np.sqrt(q.shape[-1])
    length, source = scores.shape[-2], scores.shape[-1]
    allowed = np.ones(scores.shape, dtype=bool)
    if mask is not None:
        allowed = allowed & mask
    if is_causal:
        allowed = allowed & np.tril(np.ones((length, source), dtype=bool))
    scores = np.where(allowed, scores, -np.inf)
    with np.errstate(invalid="ignore"):
        weights = np.where(allowed, np.exp(scores - scores.max(axis=-1, keepdims=True)), 0.0)
    total = weights.sum(axis=-1, keepdims=True)
    return np.divide(weights, total, out=np.zeros_like(weights), where=total > 0)


def sdpa_backward(q, k, v, grad_out, mask=None, is_causal=False):
    p = attention_weights(q, k, mask, is_causal)
    grad_v = np.swapaxes(p, -1, -2) @ grad_out
    grad_p = grad_out @ np.swapaxes(v, -1, -2)
    grad_s = p * (grad_p - (grad_p * p).sum(axis=-1, keepdims=True)) / np.sqrt(q.shape[-1])
    return grad_s @ k, np.swapaxes(grad_s, -1, -2) @ q, grad_v
