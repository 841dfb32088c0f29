"""Wrong: no mask at all — right for a one-token decode step, wrong inside a chunk of n > 1 tokens."""

import numpy as np


def attend_with_kv_cache(q, k, v, cache_k, cache_v):
    keys = np.concatenate([cache_k, k], axis=2)
    values = np.concatenate([cache_v, v], axis=2)
    scores = np.einsum("bhqd,bhkd->bhqk", q, keys) / np.sqrt(q.shape[-1])
    weights = np.exp(scores - scores.max(axis=-1, keepdims=True))
    weights /= weights.sum(axis=-1, keepdims=True)
    return np.einsum("bhqk,bhkd->bhqd", weights, values), keys, values
