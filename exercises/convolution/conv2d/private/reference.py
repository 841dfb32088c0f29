"""Reference: 2-D cross-correlation with torch's conv2d semantics (stride, zero padding, dilation, groups)."""

import numpy as np


def _pair(value: int | tuple[int, int] | list[int]) -> tuple[int, int]:
    return (value, value) if isinstance(value, int) else (int(value[0]), int(value[1]))


def conv2d(
    x: np.ndarray,
    w: np.ndarray,
    b: np.ndarray | None = None,
    stride: int | tuple[int, int] = 1,
    padding: int | tuple[int, int] = 0,
    dilation: int | tuple[int, int] = 1,
    groups: int = 1,
) -> np.ndarray:
    (sh, sw), (ph, pw), (dh, dw) = _pair(stride), _pair(padding), _pair(dilation)
    n, c_in, height, width = x.shape
    c_out, c_group, kh, kw = w.shape
    h_out = (height + 2 * ph - dh * (kh - 1) - 1) // sh + 1
    w_out = (width + 2 * pw - dw * (kw - 1) - 1) // sw + 1
    xp = np.pad(x, ((0, 0), (0, 0), (ph, ph), (pw, pw)))
    xg = xp.reshape(n, groups, c_group, *xp.shape[2:])
    wg = w.reshape(groups, c_out // groups, c_group, kh, kw)
    out = np.zeros((n, groups, c_out // groups, h_out, w_out))
    for i in range(kh):
        for j in range(kw):
            rows = slice(i * dh, i * dh + sh * (h_out - 1) + 1, sh)
            cols = slice(j * dw, j * dw + sw * (w_out - 1) + 1, sw)
            out += np.einsum("ngchw,goc->ngohw", xg[..., rows, cols], wg[..., i, j])
    out = out.reshape(n, c_out, h_out, w_out)
    return out if b is None else out + b[None, :, None, None]
