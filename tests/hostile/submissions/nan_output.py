"""NaN where the statement forbids it: fully masked rows and random entries set to NaN (NaN
compares unequal to everything, and a naive |a-b| <= tol test is False, not True, but a naive
"not (|a-b| > tol)" test passes it). Also +inf in some cases.

verdict: wrong answer
"""
import numpy as np


def _attention(q, k, v, mask=None, is_causal=False):
    logits = np.matmul(q, np.swapaxes(k, -2, -1)) * (1.0 / np.sqrt(q.shape[-1]))
    keep = np.ones(logits.shape, dtype=bool)
    if mask is not None:
        keep &= np.broadcast_to(np.asarray(mask, dtype=bool), logits.shape)
    if is_causal:
        keep &= np.tril(np.ones(logits.shape[-2:], dtype=bool))
    logits = np.where(keep, logits, -np.inf)
    top = np.max(logits, axis=-1, keepdims=True)
    top[~np.isfinite(top)] = 0.0
    weights = np.exp(logits - top) * keep
    total = weights.sum(axis=-1, keepdims=True)
    weights = np.divide(weights, total, out=np.zeros_like(weights), where=total > 0)
    return weights @ v


def scaled_dot_product_attention(q, k, v, mask=None, is_causal=False):
    out = _attention(q, k, v, mask, is_causal)
    out.flat[:: max(1, out.size // 3)] = np.nan
    out.flat[1] = np.inf
    return out
