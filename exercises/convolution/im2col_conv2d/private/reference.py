"""Reference: im2col (rows (c, p, q) C-major, columns (n, i, j) batch-major) and one matrix product."""

import numpy as np


def _pair(value: int | tuple[int, int] | list[int]) -> tuple[int, int]:
    return (value, value) if isinstance(value, int) else (int(value[0]), int(value[1]))


def im2col_conv2d(
    x: np.ndarray,
    w: np.ndarray,
    b: np.ndarray | None = None,
    stride: int | tuple[int, int] = 1,
    padding: int | tuple[int, int] = 0,
) -> tuple[np.ndarray, np.ndarray]:
    (sh, sw), (ph, pw) = _pair(stride), _pair(padding)
    n, c_in, height, width = x.shape
    c_out, _, kh, kw = w.shape
    h_out = (height + 2 * ph - kh) // sh + 1
    w_out = (width + 2 * pw - kw) // sw + 1
    xp = np.pad(x, ((0, 0), (0, 0), (ph, ph), (pw, pw)))
    patches = np.empty((c_in, kh, kw, n, h_out, w_out))
    for p in range(kh):
        for q in range(kw):
            rows = slice(p, p + sh * (h_out - 1) + 1, sh)
            cols = slice(q, q + sw * (w_out - 1) + 1, sw)
            patches[:, p, q] = xp[:, :, rows, cols].transpose(1, 0, 2, 3)
    columns = patches.reshape(c_in * kh * kw, n * h_out * w_out)
    out = (w.reshape(c_out, -1) @ columns).reshape(c_out, n, h_out, w_out).transpose(1, 0, 2, 3)
    return columns, out if b is None else out + b[None, :, None, None]
