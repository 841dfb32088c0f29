"""Wrong: treats padding as in a forward convolution and adds p zero rows/columns around the
result instead of cropping p from each side."""

import numpy as np


def _pair(v):
    return (v, v) if isinstance(v, int) else tuple(v)


def conv_transpose2d(x, w, b=None, stride=1, padding=0, output_padding=0):
    (sh, sw), (ph, pw), (oph, opw) = _pair(stride), _pair(padding), _pair(output_padding)
    n, c_in, h, wd = x.shape
    _, c_out, kh, kw = w.shape
    full = np.zeros((n, c_out, (h - 1) * sh + kh + oph, (wd - 1) * sw + kw + opw))
    for i in range(h):
        for j in range(wd):
            full[:, :, i * sh:i * sh + kh, j * sw:j * sw + kw] += np.einsum("nc,cokl->nokl", x[:, :, i, j], w)
    out = np.pad(full, ((0, 0), (0, 0), (ph, ph), (pw, pw)))
    if b is not None:
        out = out + b[None, :, None, None]
    return out
