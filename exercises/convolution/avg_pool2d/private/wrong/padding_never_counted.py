"""Wrong: always averages over the real elements only (as if count_include_pad were always False)."""

import numpy as np


def _pair(v):
    return (v, v) if isinstance(v, int) else tuple(v)


def avg_pool2d(x, kernel_size, stride=None, padding=0, count_include_pad=True):
    kh, kw = _pair(kernel_size)
    sh, sw = _pair(kernel_size if stride is None else stride)
    ph, pw = _pair(padding)
    xp = np.pad(x, ((0, 0), (0, 0), (ph, ph), (pw, pw)), constant_values=np.nan)
    h_out = (xp.shape[2] - kh) // sh + 1
    w_out = (xp.shape[3] - kw) // sw + 1
    out = np.zeros(x.shape[:2] + (h_out, w_out))
    for i in range(h_out):
        for j in range(w_out):
            out[:, :, i, j] = np.nanmean(xp[:, :, i * sh:i * sh + kh, j * sw:j * sw + kw], axis=(2, 3))
    return out
