"""Reference: causal attention with ALiBi biases (slopes by the rule of the paper's reference code)."""

import numpy as np


def alibi_slopes(heads):
    """P = 2^⌊log₂ H⌋ slopes 2^(−8h/P), then every other slope of 2P heads for the H − P remaining heads."""
    closest = 2 ** int(np.floor(np.log2(heads)))
    base = 2.0 ** (-8.0 * np.arange(1, closest + 1) / closest)
    extra = 2.0 ** (-4.0 * np.arange(1, 2 * (heads - closest), 2) / closest)
    return np.concatenate([base, extra])


def alibi_attention(q, k, v):
    heads, length = q.shape[1], q.shape[2]
    distance = np.arange(length)[:, None] - np.arange(length)
    bias = -alibi_slopes(heads)[:, None, None] * distance
    scores = np.where(distance >= 0, q @ np.swapaxes(k, 2, 3) / np.sqrt(q.shape[3]) + bias, -np.inf)
    weights = np.exp(scores - scores.max(axis=3, keepdims=True))
    return weights / weights.sum(axis=3, keepdims=True) @ v
