"""Memory (torch): one 8 TB tensor; torch's allocator error must count as the memory limit.

verdict: memory limit
budget: 20
"""
import torch


def scaled_dot_product_attention(q, k, v, mask=None, is_causal=False):
    return torch.ones(1 << 40, dtype=torch.float64)
