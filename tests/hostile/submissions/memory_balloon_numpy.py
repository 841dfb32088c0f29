"""Memory balloon (numpy): keep allocating and touching 16 MB blocks; the cgroup OOM-kills it.

verdict: memory limit
limits: memory_mb=160
"""
import numpy as np

_hog = []


def scaled_dot_product_attention(q, k, v, mask=None, is_causal=False):
    while True:
        _hog.append(np.ones(2 * 1024 * 1024))
