"""Wrong: starts the running maximum at 0 instead of -inf, so all-negative windows pool to 0."""

import numpy as np


def _pair(v):
    return (v, v) if isinstance(v, int) else tuple(v)


def max_pool2d(x, dout, kernel_size, stride=None):
    kh, kw = _pair(kernel_size)
    sh, sw = _pair(kernel_size if stride is None else stride)
    n, c, h, w = x.shape
    h_out, w_out = (h - kh) // sh + 1, (w - kw) // sw + 1
    out = np.zeros((n, c, h_out, w_out))
    arg_p = np.zeros(out.shape, dtype=int)
    arg_q = np.zeros(out.shape, dtype=int)
    for p in range(kh):
        for q in range(kw):
            v = x[:, :, p:p + sh * (h_out - 1) + 1:sh, q:q + sw * (w_out - 1) + 1:sw]
            take = v > out
            out = np.where(take, v, out)
            arg_p = np.where(take, p, arg_p)
            arg_q = np.where(take, q, arg_q)
    dx = np.zeros_like(x)
    ni, ci, ri, si = np.indices(out.shape)
    np.add.at(dx, (ni, ci, ri * sh + arg_p, si * sw + arg_q), dout)
    return out, dx
