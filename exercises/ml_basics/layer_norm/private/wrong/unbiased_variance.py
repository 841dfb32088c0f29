"""Wrong: normalises with the unbiased variance (divides by D − 1)."""

import numpy as np


def layer_norm(x, gamma, beta, eps=1e-5, dout=None):
    d = x.shape[-1]
    mu = x.mean(axis=-1, keepdims=True)
    with np.errstate(all="ignore"):
        var = ((x - mu) ** 2).sum(axis=-1, keepdims=True) / (d - 1)
        std = np.sqrt(var + eps)
        x_hat = (x - mu) / std
        out = gamma * x_hat + beta
        if dout is None:
            return out, None, None, None
        axes = tuple(range(x.ndim - 1))
        g = dout * gamma
        dx = (g - g.mean(axis=-1, keepdims=True) - x_hat * (g * x_hat).mean(axis=-1, keepdims=True)) / std
        return out, dx, (dout * x_hat).sum(axis=axes), dout.sum(axis=axes)
