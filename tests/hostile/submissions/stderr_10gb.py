"""10 GB to stderr, through sys.stderr and then the raw file descriptor 2.

verdict: output limit
"""
import os
import sys


def scaled_dot_product_attention(q, k, v, mask=None, is_causal=False):
    chunk = "e" * (1 << 20)
    for _ in range(5 * 1024):
        sys.stderr.write(chunk)
    for _ in range(5 * 1024):
        os.write(2, chunk.encode())
