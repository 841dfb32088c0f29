"""Wrong: treats stride=None as stride 1 instead of stride = kernel_size."""

import numpy as np


def _pair(v):
    return (v, v) if isinstance(v, int) else tuple(v)


def avg_pool2d(x, kernel_size, stride=None, padding=0, count_include_pad=True):
    kh, kw = _pair(kernel_size)
    sh, sw = _pair(1 if stride is None else stride)
    ph, pw = _pair(padding)
    xp = np.pad(x, ((0, 0), (0, 0), (ph, ph), (pw, pw)))
    ones = np.pad(np.ones(x.shape[2:]), ((ph, ph), (pw, pw)))
    h_out = (xp.shape[2] - kh) // sh + 1
    w_out = (xp.shape[3] - kw) // sw + 1
    out = np.zeros(x.shape[:2] + (h_out, w_out))
    for i in range(h_out):
        for j in range(w_out):
            rows, cols = slice(i * sh, i * sh + kh), slice(j * sw, j * sw + kw)
            total = xp[:, :, rows, cols].sum(axis=(2, 3))
            out[:, :, i, j] = total / (kh * kw if count_include_pad else ones[rows, cols].sum())
    return out
