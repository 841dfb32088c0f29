"""2-D transposed convolution — see README.md for the full statement."""

import numpy as np


def conv_transpose2d(
    x: np.ndarray,
    w: np.ndarray,
    b: np.ndarray | None = None,
    stride: int | tuple[int, int] = 1,
    padding: int | tuple[int, int] = 0,
    output_padding: int | tuple[int, int] = 0,
) -> np.ndarray:
    """Transposed convolution of x (N, C_in, H, W) with w (C_in, C_out, kH, kW); return (N, C_out, H_out, W_out)."""
    raise NotImplementedError
