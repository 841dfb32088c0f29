"""Wrong: a plain softmax over -inf scores, so fully masked rows become NaN and spread into every gradient."""

import numpy as np


def sdpa_backward(q, k, v, grad_out, mask=None, is_causal=False):
    s = q @ np.swapaxes(k, -1, -2) / np.sqrt(q.shape[-1])
    if mask is not None:
        s = np.where(mask, s, -np.inf)
    if is_causal:
        s = np.where(np.tril(np.ones(s.shape[-2:], dtype=bool)), s, -np.inf)
    with np.errstate(invalid="ignore"):
        e = np.exp(s - s.max(axis=-1, keepdims=True))
        p = e / e.sum(axis=-1, keepdims=True)
        dv = np.swapaxes(p, -1, -2) @ grad_out
        dp = grad_out @ np.swapaxes(v, -1, -2)
        ds = p * (dp - (dp * p).sum(axis=-1, keepdims=True)) / np.sqrt(q.shape[-1])
        return ds @ k, np.swapaxes(ds, -1, -2) @ q, dv
