"""Reference: gradients of a 2-D cross-correlation (stride, zero padding; no dilation, no groups)."""

import numpy as np


def _pair(value: int | tuple[int, int] | list[int]) -> tuple[int, int]:
    return (value, value) if isinstance(value, int) else (int(value[0]), int(value[1]))


def conv2d_backward(
    x: np.ndarray,
    w: np.ndarray,
    dout: np.ndarray,
    stride: int | tuple[int, int] = 1,
    padding: int | tuple[int, int] = 0,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    (sh, sw), (ph, pw) = _pair(stride), _pair(padding)
    height, width = x.shape[2:]
    kh, kw = w.shape[2:]
    h_out, w_out = dout.shape[2:]
    xp = np.pad(x, ((0, 0), (0, 0), (ph, ph), (pw, pw)))
    dxp = np.zeros_like(xp)
    dw = np.zeros_like(w)
    for i in range(kh):
        for j in range(kw):
            rows = slice(i, i + sh * (h_out - 1) + 1, sh)
            cols = slice(j, j + sw * (w_out - 1) + 1, sw)
            dw[:, :, i, j] = np.einsum("nohw,nchw->oc", dout, xp[:, :, rows, cols])
            dxp[:, :, rows, cols] += np.einsum("nohw,oc->nchw", dout, w[:, :, i, j])
    dx = dxp[:, :, ph:ph + height, pw:pw + width]
    return dx, dw, dout.sum(axis=(0, 2, 3))
