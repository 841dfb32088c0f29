"""Wrong: ignores output_padding, so the output is (H − 1)·s − 2p + k rows tall."""

import numpy as np


def _pair(v):
    return (v, v) if isinstance(v, int) else tuple(v)


def conv_transpose2d(x, w, b=None, stride=1, padding=0, output_padding=0):
    (sh, sw), (ph, pw) = _pair(stride), _pair(padding)
    n, c_in, h, wd = x.shape
    _, c_out, kh, kw = w.shape
    full = np.zeros((n, c_out, (h - 1) * sh + kh, (wd - 1) * sw + kw))
    for i in range(h):
        for j in range(wd):
            full[:, :, i * sh:i * sh + kh, j * sw:j * sw + kw] += np.einsum("nc,cokl->nokl", x[:, :, i, j], w)
    out = full[:, :, ph:full.shape[2] - ph, pw:full.shape[3] - pw]
    if b is not None:
        out = out + b.reshape(1, -1, 1, 1)
    return out
