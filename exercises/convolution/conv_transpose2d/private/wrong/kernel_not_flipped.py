"""Wrong: transposed convolution as a convolution of the stride-dilated input, padded by k − 1 − p,
but with the kernel not rotated by 180°."""

import numpy as np


def _pair(v):
    return (v, v) if isinstance(v, int) else tuple(v)


def conv_transpose2d(x, w, b=None, stride=1, padding=0, output_padding=0):
    (sh, sw), (ph, pw), (oph, opw) = _pair(stride), _pair(padding), _pair(output_padding)
    n, c_in, h, wd = x.shape
    _, c_out, kh, kw = w.shape
    dilated = np.zeros((n, c_in, (h - 1) * sh + 1, (wd - 1) * sw + 1))
    dilated[:, :, ::sh, ::sw] = x
    xp = np.pad(dilated, ((0, 0), (0, 0), (kh - 1 - ph, kh - 1 - ph + oph), (kw - 1 - pw, kw - 1 - pw + opw)))
    h_out = xp.shape[2] - kh + 1
    w_out = xp.shape[3] - kw + 1
    out = np.zeros((n, c_out, h_out, w_out))
    for p in range(kh):
        for q in range(kw):
            out += np.einsum("nchw,co->nohw", xp[:, :, p:p + h_out, q:q + w_out], w[:, :, p, q])
    if b is not None:
        out += b[None, :, None, None]
    return out
