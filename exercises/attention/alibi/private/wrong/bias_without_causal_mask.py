"""Wrong: adds the ALiBi bias −m·(i − j) to every key and no causal mask."""

import math

import numpy as np


def _slopes(n):
    def power_of_two(m):
        start = 2.0 ** (-8.0 / m)
        return [start ** (h + 1) for h in range(m)]
    if math.log2(n).is_integer():
        return power_of_two(n)
    closest = 2 ** math.floor(math.log2(n))
    return power_of_two(closest) + _slopes(2 * closest)[0::2][: n - closest]


def alibi_attention(q, k, v):
    heads, length = q.shape[1], q.shape[2]
    slopes = np.array(_slopes(heads))
    pos = np.arange(length)
    bias = -slopes[:, None, None] * (pos[:, None] - pos[None, :])
    scores = q @ np.swapaxes(k, -1, -2) / np.sqrt(q.shape[-1]) + bias
    weights = np.exp(scores - scores.max(axis=-1, keepdims=True))
    weights /= weights.sum(axis=-1, keepdims=True)
    return weights @ v
