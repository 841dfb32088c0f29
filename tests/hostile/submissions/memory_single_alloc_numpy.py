"""Memory (numpy): one allocation of 2 TB; numpy's MemoryError is the memory limit.

verdict: memory limit
"""
import numpy as np


def scaled_dot_product_attention(q, k, v, mask=None, is_causal=False):
    return np.ones(1 << 38)
