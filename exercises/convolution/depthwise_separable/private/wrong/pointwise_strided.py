"""Wrong: passes the same stride and padding to the pointwise 1×1 convolution too, so the output
is strided twice and framed by a border of bias values."""

import numpy as np


def _pair(v):
    return (v, v) if isinstance(v, int) else tuple(v)


def _conv(x, w, b, stride, padding, groups):
    (sh, sw), (ph, pw) = _pair(stride), _pair(padding)
    n, c_in, h, wd = x.shape
    c_out, c_group, kh, kw = w.shape
    xp = np.pad(x, ((0, 0), (0, 0), (ph, ph), (pw, pw)))
    h_out = (h + 2 * ph - kh) // sh + 1
    w_out = (wd + 2 * pw - kw) // sw + 1
    out = np.zeros((n, c_out, h_out, w_out))
    per_group = c_out // groups
    for o in range(c_out):
        g = o // per_group
        xs = xp[:, g * c_group:(g + 1) * c_group]
        for i in range(h_out):
            for j in range(w_out):
                out[:, o, i, j] = (xs[:, :, i * sh:i * sh + kh, j * sw:j * sw + kw] * w[o]).sum(axis=(1, 2, 3))
    if b is not None:
        out += b[None, :, None, None]
    return out


def depthwise_separable(x, w_depth, b_depth, w_point, b_point, stride=1, padding=0):
    mid = _conv(x, w_depth, b_depth, stride, padding, groups=x.shape[1])
    return _conv(mid, w_point, b_point, stride, padding, groups=1)
