"""os._exit(0) in the middle of a case: the process disappears with status 0, no answer.

verdict: runtime error
"""
import os


def scaled_dot_product_attention(q, k, v, mask=None, is_causal=False):
    os._exit(0)
