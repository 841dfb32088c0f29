"""Wrong: cs231n dilation convention — taps are dilation + 1 apart (dilation 0 would be contiguous)."""

import numpy as np


def _pair(v):
    return (v, v) if isinstance(v, int) else tuple(v)


def conv2d(x, w, b=None, stride=1, padding=0, dilation=1, groups=1):
    (sh, sw), (ph, pw), (dh, dw) = _pair(stride), _pair(padding), _pair(dilation)
    dh, dw = dh + 1, dw + 1
    n, c_in, h, wd = x.shape
    c_out, cg, kh, kw = w.shape
    h_out = (h + 2 * ph - dh * (kh - 1) - 1) // sh + 1
    w_out = (wd + 2 * pw - dw * (kw - 1) - 1) // sw + 1
    xp = np.pad(x, ((0, 0), (0, 0), (ph, ph), (pw, pw)))
    out = np.zeros((n, c_out, h_out, w_out))
    per_group = c_out // groups
    for o in range(c_out):
        g = o // per_group
        xs = xp[:, g * cg:(g + 1) * cg]
        for i in range(kh):
            for j in range(kw):
                patch = xs[:, :, i * dh:i * dh + sh * (h_out - 1) + 1:sh, j * dw:j * dw + sw * (w_out - 1) + 1:sw]
                out[:, o] += np.tensordot(patch, w[o, :, i, j], axes=([1], [0]))
    if b is not None:
        out += b.reshape(1, -1, 1, 1)
    return out
