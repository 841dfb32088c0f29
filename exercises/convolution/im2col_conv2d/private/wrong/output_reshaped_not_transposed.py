"""Wrong: reshapes the (C_out, N·H_out·W_out) product straight to (N, C_out, H_out, W_out)
instead of reshaping to (C_out, N, H_out, W_out) and swapping the first two axes."""

import numpy as np


def _pair(v):
    return (v, v) if isinstance(v, int) else tuple(v)


def im2col_conv2d(x, w, b=None, stride=1, padding=0):
    (sh, sw), (ph, pw) = _pair(stride), _pair(padding)
    n, c, h, wd = x.shape
    c_out, _, kh, kw = w.shape
    xp = np.pad(x, ((0, 0), (0, 0), (ph, ph), (pw, pw)))
    h_out = (h + 2 * ph - kh) // sh + 1
    w_out = (wd + 2 * pw - kw) // sw + 1
    cols = np.zeros((c * kh * kw, n * h_out * w_out))
    col = 0
    for img in range(n):
        for i in range(h_out):
            for j in range(w_out):
                cols[:, col] = xp[img, :, i * sh:i * sh + kh, j * sw:j * sw + kw].reshape(-1)
                col += 1
    out = (w.reshape(c_out, -1) @ cols).reshape(n, c_out, h_out, w_out)
    if b is not None:
        out = out + b.reshape(1, -1, 1, 1)
    return cols, out
