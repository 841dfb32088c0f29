"""Wrong: drops the depthwise bias, as if only the final (pointwise) bias counted; b_depth still
reaches the output through the pointwise weights."""

import numpy as np


def _pair(v):
    return (v, v) if isinstance(v, int) else tuple(v)


def depthwise_separable(x, w_depth, b_depth, w_point, b_point, stride=1, padding=0):
    (sh, sw), (ph, pw) = _pair(stride), _pair(padding)
    n, c, h, wd = x.shape
    k_total, _, kh, kw = w_depth.shape
    m = k_total // c
    xp = np.pad(x, ((0, 0), (0, 0), (ph, ph), (pw, pw)))
    h_out = (h + 2 * ph - kh) // sh + 1
    w_out = (wd + 2 * pw - kw) // sw + 1
    mid = np.zeros((n, k_total, h_out, w_out))
    for k in range(k_total):
        for i in range(h_out):
            for j in range(w_out):
                window = xp[:, k // m, i * sh:i * sh + kh, j * sw:j * sw + kw]
                mid[:, k, i, j] = (window * w_depth[k, 0]).sum(axis=(1, 2))
    out = np.einsum("nkhw,ok->nohw", mid, w_point[:, :, 0, 0])
    if b_point is not None:
        out += b_point[None, :, None, None]
    return out
