"""Wrong: splits each window's gradient equally between its tied maxima."""

import numpy as np


def _pair(v):
    return (v, v) if isinstance(v, int) else tuple(v)


def max_pool2d(x, dout, kernel_size, stride=None):
    kh, kw = _pair(kernel_size)
    sh, sw = _pair(kernel_size if stride is None else stride)
    n, c, h, w = x.shape
    h_out, w_out = (h - kh) // sh + 1, (w - kw) // sw + 1
    out = np.zeros((n, c, h_out, w_out))
    dx = np.zeros_like(x)
    for r in range(h_out):
        for s in range(w_out):
            window = x[:, :, r * sh:r * sh + kh, s * sw:s * sw + kw]
            top = window.max(axis=(2, 3), keepdims=True)
            out[:, :, r, s] = top[:, :, 0, 0]
            share = (window == top) / (window == top).sum(axis=(2, 3), keepdims=True)
            dx[:, :, r * sh:r * sh + kh, s * sw:s * sw + kw] += share * dout[:, :, r, s, None, None]
    return out, dx
