"""Wrong: the "depthwise" stage sums over all input channels (a full convolution with each
single-channel filter broadcast across channels) instead of filtering each channel on its own."""

import numpy as np


def _pair(v):
    return (v, v) if isinstance(v, int) else tuple(v)


def depthwise_separable(x, w_depth, b_depth, w_point, b_point, stride=1, padding=0):
    (sh, sw), (ph, pw) = _pair(stride), _pair(padding)
    n, c, h, wd = x.shape
    k_total, _, kh, kw = w_depth.shape
    xp = np.pad(x, ((0, 0), (0, 0), (ph, ph), (pw, pw)))
    h_out = (h + 2 * ph - kh) // sh + 1
    w_out = (wd + 2 * pw - kw) // sw + 1
    mid = np.zeros((n, k_total, h_out, w_out))
    for i in range(h_out):
        for j in range(w_out):
            window = xp[:, :, i * sh:i * sh + kh, j * sw:j * sw + kw]
            mid[:, :, i, j] = np.einsum("nchw,khw->nk", window, w_depth[:, 0])
    if b_depth is not None:
        mid += b_depth[None, :, None, None]
    out = np.einsum("nkhw,ok->nohw", mid, w_point[:, :, 0, 0])
    if b_point is not None:
        out += b_point[None, :, None, None]
    return out
