"""Wrong: converts the (C_in, C_out, kH, kW) weight to conv layout with reshape instead of a
transpose of the first two axes, which scrambles which filter joins which pair of channels."""

import numpy as np


def _pair(v):
    return (v, v) if isinstance(v, int) else tuple(v)


def conv_transpose2d(x, w, b=None, stride=1, padding=0, output_padding=0):
    (sh, sw), (ph, pw), (oph, opw) = _pair(stride), _pair(padding), _pair(output_padding)
    n, c_in, h, wd = x.shape
    c_out, kh, kw = w.shape[1], w.shape[2], w.shape[3]
    w_conv = w.reshape(c_out, c_in, kh, kw)  # meant as w.transpose(1, 0, 2, 3)
    h_out = (h - 1) * sh - 2 * ph + kh + oph
    w_out = (wd - 1) * sw - 2 * pw + kw + opw
    full = np.zeros((n, c_out, (h - 1) * sh + kh + oph, (wd - 1) * sw + kw + opw))
    for i in range(h):
        for j in range(wd):
            full[:, :, i * sh:i * sh + kh, j * sw:j * sw + kw] += np.einsum("nc,ockl->nokl", x[:, :, i, j], w_conv)
    out = full[:, :, ph:ph + h_out, pw:pw + w_out]
    if b is not None:
        out = out + b[None, :, None, None]
    return out
