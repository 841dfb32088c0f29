"""2-D average pooling — see README.md for the full statement."""

import numpy as np


def avg_pool2d(
    x: np.ndarray,
    kernel_size: int | tuple[int, int],
    stride: int | tuple[int, int] | None = None,
    padding: int | tuple[int, int] = 0,
    count_include_pad: bool = True,
) -> np.ndarray:
    """Average of x (N, C, H, W) over each window; return (N, C, H_out, W_out)."""
    raise NotImplementedError
