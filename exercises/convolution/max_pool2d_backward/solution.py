"""Backward pass of 2-D max pooling — see README.md for the full statement."""

import numpy as np


def max_pool2d_backward(
    x: np.ndarray,
    dout: np.ndarray,
    kernel_size: int | tuple[int, int],
    stride: int | tuple[int, int] | None = None,
    padding: int | tuple[int, int] = 0,
    dilation: int | tuple[int, int] = 1,
) -> np.ndarray:
    """Return dx (N, C, H, W), the gradient of max_pool2d(x, kernel_size, stride, padding, dilation) given dout."""
    raise NotImplementedError
