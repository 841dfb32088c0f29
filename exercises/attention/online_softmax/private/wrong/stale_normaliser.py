"""Wrong: rescales the running output when the max grows, but not the running sum."""

import numpy as np


def online_softmax_attention(q, k, v, block_size, is_causal=False):
    length, source = q.shape[-2], k.shape[-2]
    m = np.full(q.shape[:-1] + (1,), -np.inf)
    denom = np.zeros(q.shape[:-1] + (1,))
    out = np.zeros(q.shape[:-1] + (v.shape[-1],))
    for start in range(0, source, block_size):
        kb, vb = k[..., start:start + block_size, :], v[..., start:start + block_size, :]
        s = q @ np.swapaxes(kb, -1, -2) / np.sqrt(q.shape[-1])
        if is_causal:
            s = np.where(np.arange(start, start + kb.shape[-2]) <= np.arange(length)[:, None], s, -np.inf)
        m_new = np.maximum(m, s.max(axis=-1, keepdims=True))
        p = np.exp(s - m_new)
        out = out * np.exp(m - m_new) + p @ vb
        denom = denom + p.sum(axis=-1, keepdims=True)
        m = m_new
    return out / denom
