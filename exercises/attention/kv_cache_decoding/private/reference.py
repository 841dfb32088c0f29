"""Reference: one KV-cache step — append, then causal attention aligned at the bottom-right."""

import numpy as np


def attend_with_kv_cache(q, k, v, cache_k, cache_v):
    keys = np.concatenate([cache_k, k], axis=2)
    values = np.concatenate([cache_v, v], axis=2)
    past, new = cache_k.shape[2], q.shape[2]
    allowed = np.arange(past + new) <= past + np.arange(new)[:, None]
    scores = np.where(allowed, q @ np.swapaxes(keys, 2, 3) / np.sqrt(q.shape[3]), -np.inf)
    weights = np.exp(scores - scores.max(axis=3, keepdims=True))
    return weights / weights.sum(axis=3, keepdims=True) @ values, keys, values
