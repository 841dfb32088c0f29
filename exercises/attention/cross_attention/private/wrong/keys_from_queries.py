"""Wrong: self-attention code reused — keys and values projected from x instead of memory."""

import numpy as np


def cross_attention(x, memory, w_q, w_k, w_v, w_o, num_heads, key_padding_mask=None):
    batch, length, d_model = x.shape
    d_head = d_model // num_heads
    q = (x @ w_q).reshape(batch, length, num_heads, d_head).transpose(0, 2, 1, 3)
    k = (x @ w_k).reshape(batch, length, num_heads, d_head).transpose(0, 2, 1, 3)
    v = (x @ w_v).reshape(batch, length, num_heads, d_head).transpose(0, 2, 1, 3)
    scores = q @ k.transpose(0, 1, 3, 2) / np.sqrt(d_head)
    keep = np.ones(scores.shape, dtype=bool)
    if key_padding_mask is not None:
        keep &= ~key_padding_mask[:, None, None, :]
    scores = np.where(keep, scores, -np.inf)
    top = scores.max(axis=-1, keepdims=True)
    e = np.where(keep, np.exp(scores - np.where(np.isfinite(top), top, 0.0)), 0.0)
    z = e.sum(axis=-1, keepdims=True)
    attn = np.divide(e, z, out=np.zeros_like(e), where=z > 0)
    return (attn @ v).transpose(0, 2, 1, 3).reshape(batch, length, d_model) @ w_o
