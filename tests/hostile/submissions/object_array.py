"""Return the right values as an object array (each element a Python float), and as a record array.

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


_calls = []


def scaled_dot_product_attention(q, k, v, mask=None, is_causal=False):
    _calls.append(1)
    right = _attention(q, k, v, mask, is_causal)
    if len(_calls) % 2:
        return right.astype(object)
    return right.view([("value", "<f8")])
