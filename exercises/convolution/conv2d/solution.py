"""2-D convolution (cross-correlation) — see README.md for the full statement."""

import numpy as np


def conv2d(
    x: np.ndarray,
    w: np.ndarray,
    b: np.ndarray | None = None,
    stride: int | tuple[int, int] = 1,
    padding: int | tuple[int, int] = 0,
    dilation: int | tuple[int, int] = 1,
    groups: int = 1,
) -> np.ndarray:
    """Cross-correlate x (N, C_in, H, W) with w (C_out, C_in/groups, kH, kW); return (N, C_out, H_out, W_out)."""
    raise NotImplementedError
