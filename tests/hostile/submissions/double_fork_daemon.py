"""Double-fork daemon: a detached grandchild (new session) keeps running after every case and
after the runner exits. The answers are right, so the verdict is passed; the point is that the
run still ends on time and no container or process is left behind.

verdict: passed
may-pass: yes
"""
import os
import time

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


def _daemonize():
    if os.fork() == 0:
        os.setsid()
        if os.fork() == 0:
            while True:  # outlive everything; hold the CPU in bursts
                end = time.monotonic() + 0.05
                while time.monotonic() < end:
                    pass
                time.sleep(0.05)
        os._exit(0)


_daemonize()


def scaled_dot_product_attention(q, k, v, mask=None, is_causal=False):
    return _attention(q, k, v, mask, is_causal)
