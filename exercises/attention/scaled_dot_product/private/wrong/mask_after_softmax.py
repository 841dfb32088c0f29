"""Wrong: softmax over all keys, then zero the masked weights (rows no longer sum to 1)."""

import numpy as np


def scaled_dot_product_attention(q, k, v, mask=None, is_causal=False):
    scores = q @ np.swapaxes(k, -1, -2) / np.sqrt(q.shape[-1])
    weights = np.exp(scores - scores.max(axis=-1, keepdims=True))
    weights /= weights.sum(axis=-1, keepdims=True)
    if mask is not None:
        weights = weights * np.asarray(mask, dtype=bool)
    if is_causal:
        weights = weights * np.tril(np.ones(scores.shape[-2:]))
    return weights @ v
