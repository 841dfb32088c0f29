"""Wrong: the backward pass treats the mean and the variance as constants."""

import numpy as np


def layer_norm(x, gamma, beta, eps=1e-5, dout=None):
    mu = x.mean(axis=-1, keepdims=True)
    std = np.sqrt(x.var(axis=-1, keepdims=True) + eps)
    x_hat = (x - mu) / std
    out = gamma * x_hat + beta
    if dout is None:
        return out, None, None, None
    axes = tuple(range(x.ndim - 1))
    return out, dout * gamma / std, (dout * x_hat).sum(axis=axes), dout.sum(axis=axes)
