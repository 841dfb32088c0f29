"""Backward pass of a 2-D convolution — see README.md for the full statement."""

import numpy as np


def conv2d_backward(
    x: np.ndarray,
    w: np.ndarray,
    dout: np.ndarray,
    stride: int | tuple[int, int] = 1,
    padding: int | tuple[int, int] = 0,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Gradients (dx, dw, db) of out = conv2d(x, w, b, stride, padding) given dout = ∂L/∂out."""
    raise NotImplementedError
