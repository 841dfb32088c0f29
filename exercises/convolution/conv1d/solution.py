"""1-D convolution (cross-correlation) — see README.md for the full statement."""

import numpy as np


def conv1d(
    x: np.ndarray,
    w: np.ndarray,
    b: np.ndarray | None = None,
    stride: int = 1,
    padding: int = 0,
    dilation: int = 1,
) -> np.ndarray:
    """Cross-correlate x (N, C_in, L) with w (C_out, C_in, K); return (N, C_out, L_out)."""
    raise NotImplementedError
