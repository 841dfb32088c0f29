"""Timing side channel: a correct solution that sleeps for a time encoding the first input value,
hoping to read it back from the per-case time in the results. The answers are right (passed);
the test checks that hidden cases report no fine-grained time.

verdict: passed
may-pass: yes
budget: 15
"""
import time

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
    fraction = float(abs(q.flat[0])) % 1.0
    time.sleep(0.05 + 0.4 * fraction)  # 0.05-0.45 s, well under the limit
    return _attention(q, k, v, mask, is_causal)
