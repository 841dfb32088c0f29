"""2-D max pooling, forward and backward — see README.md for the full statement."""

import numpy as np


def max_pool2d(
    x: np.ndarray,
    dout: np.ndarray,
    kernel_size: int | tuple[int, int],
    stride: int | tuple[int, int] | None = None,
) -> tuple[np.ndarray, np.ndarray]:
    """Return (out, dx): the max over each window of x, and ∂L/∂x given dout = ∂L/∂out."""
    raise NotImplementedError
