"""Wrong: the forward divides by √d but the backward forgets it in dq and dk."""

import numpy as np


def _probs(q, k, mask, is_causal):
    s = q @ np.swapaxes(k, -1, -2) / np.sqrt(q.shape[-1])
    keep = np.ones(s.shape, dtype=bool)
    if mask is not None:
        keep &= np.asarray(mask, dtype=bool)
    if is_causal:
        keep &= np.tril(np.ones(s.shape[-2:], dtype=bool))
    s = np.where(keep, s, -np.inf)
    top = s.max(axis=-1, keepdims=True)
    e = np.where(keep, np.exp(s - np.where(np.isfinite(top), top, 0.0)), 0.0)
    z = e.sum(axis=-1, keepdims=True)
    return np.divide(e, z, out=np.zeros_like(e), where=z > 0)


def sdpa_backward(q, k, v, grad_out, mask=None, is_causal=False):
    p = _probs(q, k, mask, is_causal)
    dv = np.swapaxes(p, -1, -2) @ grad_out
    dp = grad_out @ np.swapaxes(v, -1, -2)
    ds = p * (dp - np.sum(dp * p, axis=-1, keepdims=True))
    return ds @ k, np.swapaxes(ds, -1, -2) @ q, dv
