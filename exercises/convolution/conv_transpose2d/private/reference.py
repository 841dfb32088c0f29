"""Reference: 2-D transposed convolution with torch's conv_transpose2d semantics (stride, padding,
output_padding; no dilation, no groups): scatter every input element through the kernel, then crop."""

import numpy as np


def _pair(value: int | tuple[int, int] | list[int]) -> tuple[int, int]:
    return (value, value) if isinstance(value, int) else (int(value[0]), int(value[1]))


def conv_transpose2d(
    x: np.ndarray,
    w: np.ndarray,
    b: np.ndarray | None = None,
    stride: int | tuple[int, int] = 1,
    padding: int | tuple[int, int] = 0,
    output_padding: int | tuple[int, int] = 0,
) -> np.ndarray:
    (sh, sw), (ph, pw), (oph, opw) = _pair(stride), _pair(padding), _pair(output_padding)
    n, _, height, width = x.shape
    _, c_out, kh, kw = w.shape
    h_out = (height - 1) * sh - 2 * ph + kh + oph
    w_out = (width - 1) * sw - 2 * pw + kw + opw
    full = np.zeros((n, c_out, (height - 1) * sh + kh + oph, (width - 1) * sw + kw + opw))
    for p in range(kh):
        for q in range(kw):
            rows = slice(p, p + sh * (height - 1) + 1, sh)
            cols = slice(q, q + sw * (width - 1) + 1, sw)
            full[:, :, rows, cols] += np.einsum("nchw,co->nohw", x, w[:, :, p, q])
    out = full[:, :, ph:ph + h_out, pw:pw + w_out]
    return out if b is None else out + b[None, :, None, None]
