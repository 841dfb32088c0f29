"""Forge the timing: disable the runner's case timer (setitimer becomes a no-op), freeze every clock
the runner could read (time.perf_counter, time.monotonic, time.time), then answer correctly after
sleeping 0.8 s past the 1 s limit on every case. The host measures the time itself (the container's
CPU time, or the wall time it did not spend waiting for a CPU): the sleep counts, so every case is
"time limit", stopped within a fraction of a second of the limit.

verdict: time limit
budget: 20
"""
import signal
import time

import numpy as np

_real_sleep = time.sleep
signal.setitimer = lambda *_args, **_kwargs: (0.0, 0.0)
signal.alarm = lambda *_args: 0
time.perf_counter = time.monotonic = time.time = lambda: 0.0


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
    _real_sleep(1.8)
    return _attention(q, k, v, mask, is_causal)
