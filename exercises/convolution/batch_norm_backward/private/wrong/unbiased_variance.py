"""Wrong: normalises with the unbiased variance (divide by m − 1) and then uses the usual
backward formula."""

import numpy as np


def batch_norm_backward(x, gamma, dout, eps=1e-5):
    axes = (0, 2, 3)
    m = x.shape[0] * x.shape[2] * x.shape[3]
    mu = x.mean(axis=axes, keepdims=True)
    var = ((x - mu) ** 2).sum(axis=axes, keepdims=True) / (m - 1)
    std = np.sqrt(var + eps)
    x_hat = (x - mu) / std
    g = gamma.reshape(1, -1, 1, 1)
    dx = g / (m * std) * (m * dout - dout.sum(axis=axes, keepdims=True)
                          - x_hat * (dout * x_hat).sum(axis=axes, keepdims=True))
    return dx, (dout * x_hat).sum(axis=axes), dout.sum(axis=axes)
