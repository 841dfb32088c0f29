"""2-D convolution by im2col and one matrix product — see README.md for the full statement."""

import numpy as np


def im2col_conv2d(
    x: np.ndarray,
    w: np.ndarray,
    b: np.ndarray | None = None,
    stride: int | tuple[int, int] = 1,
    padding: int | tuple[int, int] = 0,
) -> tuple[np.ndarray, np.ndarray]:
    """Return (cols, out): the (C·kH·kW, N·H_out·W_out) column matrix of x and conv2d(x, w, b) from it."""
    raise NotImplementedError
