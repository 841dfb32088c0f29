"""Wrong: with a depth multiplier M, depthwise channel k reads input channel k % C (channels
tiled) instead of k // M (each input channel repeated M times, as torch's groups = C does)."""

import numpy as np


def _pair(v):
    return (v, v) if isinstance(v, int) else tuple(v)


def depthwise_separable(x, w_depth, b_depth, w_point, b_point, stride=1, padding=0):
    (sh, sw), (ph, pw) = _pair(stride), _pair(padding)
    n, c, h, wd = x.shape
    k_total, _, kh, kw = w_depth.shape
    m = k_total // c
    xp = np.tile(np.pad(x, ((0, 0), (0, 0), (ph, ph), (pw, pw))), (1, m, 1, 1))
    h_out = (h + 2 * ph - kh) // sh + 1
    w_out = (wd + 2 * pw - kw) // sw + 1
    mid = np.zeros((n, k_total, h_out, w_out))
    for i in range(kh):
        for j in range(kw):
            patch = xp[:, :, i:i + sh * (h_out - 1) + 1:sh, j:j + sw * (w_out - 1) + 1:sw]
            mid += patch * w_depth[:, 0, i, j][None, :, None, None]
    if b_depth is not None:
        mid += b_depth[None, :, None, None]
    out = np.einsum("nkhw,ok->nohw", mid, w_point[:, :, 0, 0])
    if b_point is not None:
        out += b_point[None, :, None, None]
    return out
