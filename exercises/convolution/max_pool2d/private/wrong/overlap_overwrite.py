"""Wrong: writes each window's gradient with plain assignment, so overlapping windows overwrite."""

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
    ni, ci = np.meshgrid(np.arange(n), np.arange(c), indexing="ij")
    for r in range(h_out):
        for s in range(w_out):
            flat = x[:, :, r * sh:r * sh + kh, s * sw:s * sw + kw].reshape(n, c, -1)
            idx = flat.argmax(axis=2)
            out[:, :, r, s] = flat.max(axis=2)
            dx[ni, ci, r * sh + idx // kw, s * sw + idx % kw] = dout[:, :, r, s]
    return out, dx
