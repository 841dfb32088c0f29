"""Wrong: takes the statistics over the batch axis only, as for (N, D) inputs, so each spatial
position of each channel is normalised on its own."""

import numpy as np


def batch_norm_backward(x, gamma, dout, eps=1e-5):
    n = x.shape[0]
    mu = x.mean(axis=0)
    var = x.var(axis=0)
    x_hat = (x - mu) / np.sqrt(var + eps)
    dbeta = dout.sum(axis=(0, 2, 3))
    dgamma = (dout * x_hat).sum(axis=(0, 2, 3))
    dx_hat = dout * gamma.reshape(1, -1, 1, 1)
    dx = (n * dx_hat - dx_hat.sum(axis=0) - x_hat * (dx_hat * x_hat).sum(axis=0)) / (n * np.sqrt(var + eps))
    return dx, dgamma, dbeta
