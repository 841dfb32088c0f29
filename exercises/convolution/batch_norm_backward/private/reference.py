"""Reference: batch-norm backward for NCHW in training mode (statistics per channel over N, H, W,
biased variance, eps inside the square root), in the compact form of the chain rule."""

import numpy as np


def batch_norm_backward(
    x: np.ndarray,
    gamma: np.ndarray,
    dout: np.ndarray,
    eps: float = 1e-5,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    axes = (0, 2, 3)
    mean = x.mean(axis=axes, keepdims=True)
    inv_std = 1.0 / np.sqrt(x.var(axis=axes, keepdims=True) + eps)
    x_hat = (x - mean) * inv_std
    dbeta = dout.sum(axis=axes)
    dgamma = (dout * x_hat).sum(axis=axes)
    dx_hat = dout * gamma[None, :, None, None]
    dx = inv_std * (dx_hat - dx_hat.mean(axis=axes, keepdims=True)
                    - x_hat * (dx_hat * x_hat).mean(axis=axes, keepdims=True))
    return dx, dgamma, dbeta
