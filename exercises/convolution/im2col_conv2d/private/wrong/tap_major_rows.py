"""Wrong: orders the rows of the column matrix (p, q, c) — tap-major — instead of (c, p, q),
permuting the weights to match, so the output is right but the column matrix is not."""

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
    cols = np.zeros((kh * kw * c, n * h_out * w_out))
    col = 0
    for img in range(n):
        for i in range(h_out):
            for j in range(w_out):
                patch = xp[img, :, i * sh:i * sh + kh, j * sw:j * sw + kw]
                cols[:, col] = patch.transpose(1, 2, 0).reshape(-1)
                col += 1
    out = w.transpose(0, 2, 3, 1).reshape(c_out, -1) @ cols
    out = out.reshape(c_out, n, h_out, w_out).transpose(1, 0, 2, 3)
    if b is not None:
        out = out + b.reshape(1, -1, 1, 1)
    return cols, out
