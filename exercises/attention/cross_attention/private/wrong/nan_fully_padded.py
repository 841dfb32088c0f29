"""Wrong: a plain softmax over the masked scores, so a fully padded batch element becomes NaN."""

import numpy as np


def cross_attention(x, memory, w_q, w_k, w_v, w_o, num_heads, key_padding_mask=None):
    batch, length, d_model = x.shape
    source = memory.shape[1]
    d_head = d_model // num_heads
    q = (x @ w_q).reshape(batch, length, num_heads, d_head).transpose(0, 2, 1, 3)
    k = (memory @ w_k).reshape(batch, source, num_heads, d_head).transpose(0, 2, 1, 3)
    v = (memory @ w_v).reshape(batch, source, num_heads, d_head).transpose(0, 2, 1, 3)
    scores = q @ k.transpose(0, 1, 3, 2) / np.sqrt(d_head)
    if key_padding_mask is not None:
        scores = np.where(key_padding_mask[:, None, None, :], -np.inf, scores)
    with np.errstate(invalid="ignore"):
        e = np.exp(scores - scores.max(axis=-1, keepdims=True))
        attn = e / e.sum(axis=-1, keepdims=True)
    return (attn @ v).transpose(0, 2, 1, 3).reshape(batch, length, d_model) @ w_o
