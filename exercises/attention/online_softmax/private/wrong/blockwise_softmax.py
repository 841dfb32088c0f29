"""Wrong: a separate softmax inside each key block, the block outputs averaged."""

import numpy as np


def online_softmax_attention(q, k, v, block_size, is_causal=False):
    length, source = q.shape[-2], k.shape[-2]
    outputs = []
    for start in range(0, source, block_size):
        kb, vb = k[..., start:start + block_size, :], v[..., start:start + block_size, :]
        s = q @ np.swapaxes(kb, -1, -2) / np.sqrt(q.shape[-1])
        visible = np.ones(s.shape[-2:], dtype=bool)
        if is_causal:
            visible = np.arange(start, start + kb.shape[-2]) <= np.arange(length)[:, None]
        s = np.where(visible, s, -np.inf)
        top = s.max(axis=-1, keepdims=True)
        p = np.where(visible, np.exp(s - np.where(np.isfinite(top), top, 0.0)), 0.0)
        z = p.sum(axis=-1, keepdims=True)
        outputs.append(np.divide(p, z, out=np.zeros_like(p), where=z > 0) @ vb)
    return sum(outputs) / len(outputs)
