"""Wrong: accumulates dw from the first sample of the batch only."""

import numpy as np


def _pair(v):
    return (v, v) if isinstance(v, int) else tuple(v)


def conv2d_backward(x, w, dout, stride=1, padding=0):
    (sh, sw), (ph, pw) = _pair(stride), _pair(padding)
    n, c_in, h, wd = x.shape
    c_out, _, kh, kw = w.shape
    _, _, h_out, w_out = dout.shape
    xp = np.pad(x, ((0, 0), (0, 0), (ph, ph), (pw, pw)))
    dxp = np.zeros_like(xp)
    dw = np.zeros_like(w)
    for r in range(h_out):
        for c in range(w_out):
            window = xp[:, :, r * sh:r * sh + kh, c * sw:c * sw + kw]
            dw += dout[0, :, r, c][:, None, None, None] * window[0][None]
            dxp[:, :, r * sh:r * sh + kh, c * sw:c * sw + kw] += np.einsum("no,ochw->nchw", dout[:, :, r, c], w)
    dx = dxp[:, :, ph:ph + h, pw:pw + wd]
    return dx, dw, dout.sum(axis=(0, 2, 3))
