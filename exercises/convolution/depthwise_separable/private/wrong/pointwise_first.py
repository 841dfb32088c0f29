"""Wrong: applies the pointwise 1×1 convolution first and the depthwise one second (it only runs
when C_out = C·M = C; elsewhere the channel counts do not line up)."""

import numpy as np


def _pair(v):
    return (v, v) if isinstance(v, int) else tuple(v)


def depthwise_separable(x, w_depth, b_depth, w_point, b_point, stride=1, padding=0):
    (sh, sw), (ph, pw) = _pair(stride), _pair(padding)
    mixed = np.einsum("nchw,oc->nohw", x, w_point[:, :, 0, 0])
    if b_point is not None:
        mixed = mixed + b_point[None, :, None, None]
    n, c, h, wd = mixed.shape
    k_total, _, kh, kw = w_depth.shape
    m = k_total // c
    mp = np.pad(mixed, ((0, 0), (0, 0), (ph, ph), (pw, pw)))
    h_out = (h + 2 * ph - kh) // sh + 1
    w_out = (wd + 2 * pw - kw) // sw + 1
    out = np.zeros((n, k_total, h_out, w_out))
    for k in range(k_total):
        for i in range(h_out):
            for j in range(w_out):
                out[:, k, i, j] = (mp[:, k // m, i * sh:i * sh + kh, j * sw:j * sw + kw] * w_depth[k, 0]).sum(axis=(1, 2))
    if b_depth is not None:
        out += b_depth[None, :, None, None]
    return out
