"""Depthwise separable convolution — see README.md for the full statement."""

import numpy as np


def depthwise_separable(
    x: np.ndarray,
    w_depth: np.ndarray,
    b_depth: np.ndarray | None,
    w_point: np.ndarray,
    b_point: np.ndarray | None,
    stride: int | tuple[int, int] = 1,
    padding: int | tuple[int, int] = 0,
) -> np.ndarray:
    """Depthwise conv of x (N, C, H, W) with w_depth (C·M, 1, kH, kW), then 1×1 conv with w_point (C_out, C·M, 1, 1)."""
    raise NotImplementedError
