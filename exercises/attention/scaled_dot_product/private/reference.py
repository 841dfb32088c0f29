"""Reference: scaled dot-product attention (float64, stable softmax, zero rows when fully masked)."""

import numpy as np


def allowed_keys(q: np.ndarray, k: np.ndarray, mask: np.ndarray | None, is_causal: bool) -> np.ndarray:
    """Boolean (..., L, S): True where a query may attend to a key."""
    length, source = q.shape[-2], k.shape[-2]
    allowed = np.ones(q.shape[:-2] + (length, source), dtype=bool)
    if mask is not None:
        allowed = allowed & np.asarray(mask, dtype=bool)
    if is_causal:
        allowed = allowed & np.tril(np.ones((length, source), dtype=bool))
    return allowed


def scaled_dot_product_attention(q, k, v, mask=None, is_causal=False):
    scores = q @ np.swapaxes(k, -1, -2) / np.sqrt(q.shape[-1])
    allowed = allowed_keys(q, k, mask, is_causal)
    scores = np.where(allowed, scores, -np.inf)
    row_max = scores.max(axis=-1, keepdims=True)
    row_max = np.where(np.isfinite(row_max), row_max, 0.0)
    weights = np.where(allowed, np.exp(scores - row_max), 0.0)
    total = weights.sum(axis=-1, keepdims=True)
    weights = np.divide(weights, total, out=np.zeros_like(weights), where=total > 0)
    return weights @ v
