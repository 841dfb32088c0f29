"""Wrong: attends correctly but hands back the caches it was given, without the new tokens."""

import numpy as np


def attend_with_kv_cache(q, k, v, cache_k, cache_v):
    keys = np.concatenate([cache_k, k], axis=2)
    values = np.concatenate([cache_v, v], axis=2)
    past, new = cache_k.shape[2], q.shape[2]
    scores = q @ keys.transpose(0, 1, 3, 2) / np.sqrt(q.shape[-1])
    mask = np.triu(np.ones((new, past + new), dtype=bool), k=past + 1)
    scores = np.where(mask, -np.inf, scores)
    weights = np.exp(scores - scores.max(axis=-1, keepdims=True))
    weights /= weights.sum(axis=-1, keepdims=True)
    return weights @ values, cache_k, cache_v
