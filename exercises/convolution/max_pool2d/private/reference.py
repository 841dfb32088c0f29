"""Reference: 2-D max pooling forward and backward (floor output size, first maximum wins ties)."""

import numpy as np


def _pair(value: int | tuple[int, int] | list[int]) -> tuple[int, int]:
    return (value, value) if isinstance(value, int) else (int(value[0]), int(value[1]))


def max_pool2d(
    x: np.ndarray,
    dout: np.ndarray,
    kernel_size: int | tuple[int, int],
    stride: int | tuple[int, int] | None = None,
) -> tuple[np.ndarray, np.ndarray]:
    kh, kw = _pair(kernel_size)
    sh, sw = _pair(kernel_size if stride is None else stride)
    h_out = (x.shape[2] - kh) // sh + 1
    w_out = (x.shape[3] - kw) // sw + 1
    taps = [(slice(i, i + sh * (h_out - 1) + 1, sh), slice(j, j + sw * (w_out - 1) + 1, sw))
            for i in range(kh) for j in range(kw)]
    out = np.full(x.shape[:2] + (h_out, w_out), -np.inf)
    winner = np.zeros(out.shape, dtype=int)
    for t, (rows, cols) in enumerate(taps):  # row-major order; strict > keeps the first maximum
        better = x[..., rows, cols] > out
        out = np.where(better, x[..., rows, cols], out)
        winner = np.where(better, t, winner)
    dx = np.zeros_like(x)
    for t, (rows, cols) in enumerate(taps):
        dx[..., rows, cols] += np.where(winner == t, dout, 0.0)
    return out, dx
