"""Return a real 16 MB array (fits in memory): its encoded answer exceeds the channel's 8 MB output cap.

verdict: output limit
"""
import numpy as np


def scaled_dot_product_attention(q, k, v, mask=None, is_causal=False):
    return np.random.default_rng(0).random(2 * 1024 * 1024)
