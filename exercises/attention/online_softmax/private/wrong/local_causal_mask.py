"""Wrong: the causal mask of each tile is np.tril on the tile, i.e. from block-local key indices."""

import numpy as np


def online_softmax_attention(q, k, v, block_size, is_causal=False):
    source = k.shape[-2]
    m = np.full(q.shape[:-1] + (1,), -np.inf)
    denom = np.zeros(q.shape[:-1] + (1,))
    out = np.zeros(q.shape[:-1] + (v.shape[-1],))
    for start in range(0, source, block_size):
        kb, vb = k[..., start:start + block_size, :], v[..., start:start + block_size, :]
        s = q @ np.swapaxes(kb, -1, -2) / np.sqrt(q.shape[-1])
        if is_causal:
            s = np.where(np.tril(np.ones(s.shape[-2:], dtype=bool)), s, -np.inf)
        m_new = np.maximum(m, s.max(axis=-1, keepdims=True))
        scale = np.exp(m - m_new)
        p = np.exp(s - m_new)
        denom = denom * scale + p.sum(axis=-1, keepdims=True)
        out = out * scale + p @ vb
        m = m_new
    return out / denom
