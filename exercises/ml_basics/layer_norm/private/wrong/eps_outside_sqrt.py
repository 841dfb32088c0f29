"""Wrong: adds eps to the standard deviation instead of to the variance."""

import numpy as np


def layer_norm(x, gamma, beta, eps=1e-5, dout=None):
    mu = x.mean(axis=-1, keepdims=True)
    std = np.sqrt(x.var(axis=-1, keepdims=True)) + eps
    x_hat = (x - mu) / std
    out = gamma * x_hat + beta
    if dout is None:
        return out, None, None, None
    axes = tuple(range(x.ndim - 1))
    g = dout * gamma
    dx = (g - g.mean(axis=-1, keepdims=True) - x_hat * (g * x_hat).mean(axis=-1, keepdims=True)) / std
    return out, dx, (dout * x_hat).sum(axis=axes), dout.sum(axis=axes)
