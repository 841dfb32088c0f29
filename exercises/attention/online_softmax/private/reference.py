"""Reference: attention over key blocks with an online softmax (running max, rescaled sum and output)."""

import numpy as np


def online_softmax_attention(q, k, v, block_size, is_causal=False):
    rows = np.arange(q.shape[-2])[:, None]
    row_max = np.full(q.shape[:-1] + (1,), -np.inf)
    total = np.zeros(q.shape[:-1] + (1,))
    acc = np.zeros(q.shape[:-1] + (v.shape[-1],))
    for start in range(0, k.shape[-2], block_size):
        scores = q @ np.swapaxes(k[..., start:start + block_size, :], -1, -2) / np.sqrt(q.shape[-1])
        if is_causal:
            scores = np.where(start + np.arange(scores.shape[-1]) <= rows, scores, -np.inf)
        new_max = np.maximum(row_max, scores.max(axis=-1, keepdims=True))
        correction = np.exp(row_max - new_max)
        weights = np.exp(scores - new_max)
        total = total * correction + weights.sum(axis=-1, keepdims=True)
        acc = acc * correction + weights @ v[..., start:start + block_size, :]
        row_max = new_max
    return acc / total
