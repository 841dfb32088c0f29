"""Reference: gradient of 2-D max pooling with stride, implicit -inf padding and dilation (floor
output size); each window's gradient goes to its first maximum in row-major tap order."""

import numpy as np


def _pair(value: int | tuple[int, int] | list[int]) -> tuple[int, int]:
    return (value, value) if isinstance(value, int) else (int(value[0]), int(value[1]))


def max_pool2d_backward(
    x: np.ndarray,
    dout: np.ndarray,
    kernel_size: int | tuple[int, int],
    stride: int | tuple[int, int] | None = None,
    padding: int | tuple[int, int] = 0,
    dilation: int | tuple[int, int] = 1,
) -> np.ndarray:
    kh, kw = _pair(kernel_size)
    sh, sw = _pair(kernel_size if stride is None else stride)
    (ph, pw), (dh, dw) = _pair(padding), _pair(dilation)
    height, width = x.shape[2:]
    h_out = (height + 2 * ph - dh * (kh - 1) - 1) // sh + 1
    w_out = (width + 2 * pw - dw * (kw - 1) - 1) // sw + 1
    xp = np.pad(x, ((0, 0), (0, 0), (ph, ph), (pw, pw)), constant_values=-np.inf)
    taps = [(slice(p * dh, p * dh + sh * (h_out - 1) + 1, sh), slice(q * dw, q * dw + sw * (w_out - 1) + 1, sw))
            for p in range(kh) for q in range(kw)]
    best = np.full(x.shape[:2] + (h_out, w_out), -np.inf)
    winner = np.zeros(best.shape, dtype=int)
    for t, (rows, cols) in enumerate(taps):  # row-major tap order; strict > keeps the first maximum
        better = xp[..., rows, cols] > best
        best = np.where(better, xp[..., rows, cols], best)
        winner = np.where(better, t, winner)
    dxp = np.zeros(xp.shape)
    for t, (rows, cols) in enumerate(taps):
        dxp[..., rows, cols] += np.where(winner == t, dout, 0.0)
    return dxp[..., ph:ph + height, pw:pw + width]
