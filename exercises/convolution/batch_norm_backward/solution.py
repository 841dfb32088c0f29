"""Backward pass of batch normalization over NCHW inputs — see README.md for the full statement."""

import numpy as np


def batch_norm_backward(
    x: np.ndarray,
    gamma: np.ndarray,
    dout: np.ndarray,
    eps: float = 1e-5,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Gradients (dx, dgamma, dbeta) of training-mode batch norm of x (N, C, H, W) given dout."""
    raise NotImplementedError
