"""Return a zero-copy broadcast view with a 800 GB shape: serializing it needs the memory.

verdict: memory limit
"""
import numpy as np


def scaled_dot_product_attention(q, k, v, mask=None, is_causal=False):
    return np.broadcast_to(np.float64(0.0), (100_000, 1_000_000))
