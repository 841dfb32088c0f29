"""Memory balloon (torch): keep allocating and filling 16 MB tensors; the cgroup OOM-kills it.

verdict: memory limit
limits: memory_mb=320 time_per_case=3
budget: 30
"""
import torch

_hog = []


def scaled_dot_product_attention(q, k, v, mask=None, is_causal=False):
    while True:
        _hog.append(torch.ones(2 * 1024 * 1024, dtype=torch.float64))
