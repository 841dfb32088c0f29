"""Second half of the /dev/shm leak, graded right after dev_shm_plant.py: look for what the
earlier run planted. If anything survived between runs, return the right answer (so the verdict
would change); otherwise raise.

verdict: runtime error
before: dev_shm_plant.py
"""
import os

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
    for folder in ("/dev/shm", "/tmp", "/dev/mqueue", "/run/lock", "/var/tmp"):
        if os.path.exists(os.path.join(folder, "mlgrade-smuggle")):
            return _attention(q, k, v, mask, is_causal)
    raise FileNotFoundError("nothing survived from the previous run")
