"""Wrong: builds the causal mask with np.tril over (n, T + n), aligned at the top-left."""

import numpy as np


def attend_with_kv_cache(q, k, v, cache_k, cache_v):
    keys = np.concatenate([cache_k, k], axis=2)
    values = np.concatenate([cache_v, v], axis=2)
    scores = q @ keys.transpose(0, 1, 3, 2) / np.sqrt(q.shape[-1])
    causal = np.tril(np.ones(scores.shape[-2:], dtype=bool))
    scores = np.where(causal, scores, -np.inf)
    weights = np.exp(scores - scores.max(axis=-1, keepdims=True))
    weights /= weights.sum(axis=-1, keepdims=True)
    return weights @ values, keys, values
