"""Wrong: builds the columns from the unpadded input, so padding is ignored."""

import numpy as np


def _pair(v):
    return (v, v) if isinstance(v, int) else tuple(v)


def im2col_conv2d(x, w, b=None, stride=1, padding=0):
    (sh, sw) = _pair(stride)
    n, c, h, wd = x.shape
    c_out, _, kh, kw = w.shape
    h_out = (h - kh) // sh + 1
    w_out = (wd - kw) // sw + 1
    cols = np.zeros((c * kh * kw, n * h_out * w_out))
    col = 0
    for img in range(n):
        for i in range(h_out):
            for j in range(w_out):
                cols[:, col] = x[img, :, i * sh:i * sh + kh, j * sw:j * sw + kw].reshape(-1)
                col += 1
    out = (w.reshape(c_out, -1) @ cols).reshape(c_out, n, h_out, w_out).transpose(1, 0, 2, 3)
    if b is not None:
        out = out + b.reshape(1, -1, 1, 1)
    return cols, out
