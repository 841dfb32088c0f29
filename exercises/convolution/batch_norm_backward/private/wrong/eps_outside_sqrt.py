"""Wrong: adds eps to the standard deviation instead of to the variance, staged like the
cs231n computational graph."""

import numpy as np


def batch_norm_backward(x, gamma, dout, eps=1e-5):
    axes = (0, 2, 3)
    m = x.shape[0] * x.shape[2] * x.shape[3]
    g = gamma.reshape(1, -1, 1, 1)
    mu = x.mean(axis=axes, keepdims=True)
    xc = x - mu
    var = (xc ** 2).mean(axis=axes, keepdims=True)
    sd = np.sqrt(var)
    denom = sd + eps
    x_hat = xc / denom
    dx_hat = dout * g
    d_denom = -(dx_hat * xc).sum(axis=axes, keepdims=True) / denom ** 2
    d_var = d_denom * 0.5 / sd
    dxc = dx_hat / denom + d_var * 2 * xc / m
    dx = dxc - dxc.mean(axis=axes, keepdims=True)
    return dx, (dout * x_hat).sum(axis=axes), dout.sum(axis=axes)
