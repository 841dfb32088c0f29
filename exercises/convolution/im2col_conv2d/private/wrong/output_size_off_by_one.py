"""Wrong: counts the output positions as (H + 2P − K + 1) // S (valid positions divided by the
stride) instead of (H + 2P − K) // S + 1, one too few when the stride divides H + 2P − K."""

import numpy as np


def _pair(v):
    return (v, v) if isinstance(v, int) else tuple(v)


def im2col_conv2d(x, w, b=None, stride=1, padding=0):
    (sh, sw), (ph, pw) = _pair(stride), _pair(padding)
    n, c, h, wd = x.shape
    c_out, _, kh, kw = w.shape
    xp = np.pad(x, ((0, 0), (0, 0), (ph, ph), (pw, pw)))
    h_out = (h + 2 * ph - kh + 1) // sh
    w_out = (wd + 2 * pw - kw + 1) // sw
    cols = np.zeros((c * kh * kw, n * h_out * w_out))
    col = 0
    for img in range(n):
        for i in range(h_out):
            for j in range(w_out):
                cols[:, col] = xp[img, :, i * sh:i * sh + kh, j * sw:j * sw + kw].reshape(-1)
                col += 1
    out = (w.reshape(c_out, -1) @ cols).reshape(c_out, n, h_out, w_out).transpose(1, 0, 2, 3)
    if b is not None:
        out = out + b.reshape(1, -1, 1, 1)
    return cols, out
