"""Wrong: keeps the path through the mean but forgets the one through the variance in dx."""

import numpy as np


def batch_norm_backward(x, gamma, dout, eps=1e-5):
    axes = (0, 2, 3)
    mu = x.mean(axis=axes, keepdims=True)
    std = np.sqrt(x.var(axis=axes, keepdims=True) + eps)
    x_hat = (x - mu) / std
    dx_hat = dout * gamma[None, :, None, None]
    dx = (dx_hat - dx_hat.mean(axis=axes, keepdims=True)) / std
    return dx, (dout * x_hat).sum(axis=axes), dout.sum(axis=axes)
