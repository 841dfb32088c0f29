"""Wrong: gives each window's whole gradient to every element equal to the window's maximum."""

import numpy as np


def _pair(v):
    return (v, v) if isinstance(v, int) else tuple(v)


def max_pool2d_backward(x, dout, kernel_size, stride=None, padding=0, dilation=1):
    kh, kw = _pair(kernel_size)
    sh, sw = _pair(kernel_size if stride is None else stride)
    (ph, pw), (dh, dw) = _pair(padding), _pair(dilation)
    n, c, h, wd = x.shape
    xp = np.pad(x, ((0, 0), (0, 0), (ph, ph), (pw, pw)), constant_values=-np.inf)
    dxp = np.zeros(xp.shape)
    for i in range(dout.shape[2]):
        for j in range(dout.shape[3]):
            rows = slice(i * sh, i * sh + dh * (kh - 1) + 1, dh)
            cols = slice(j * sw, j * sw + dw * (kw - 1) + 1, dw)
            window = xp[:, :, rows, cols]
            mask = window == window.max(axis=(2, 3), keepdims=True)
            dxp[:, :, rows, cols] += mask * dout[:, :, i, j][:, :, None, None]
    return dxp[:, :, ph:ph + h, pw:pw + wd]
