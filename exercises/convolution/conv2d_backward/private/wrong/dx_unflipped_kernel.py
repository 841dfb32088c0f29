"""Wrong: dx as a full convolution of dout with the kernel, but the kernel is not rotated by 180°."""

import numpy as np


def _pair(v):
    return (v, v) if isinstance(v, int) else tuple(v)


def conv2d_backward(x, w, dout, stride=1, padding=0):
    (sh, sw), (ph, pw) = _pair(stride), _pair(padding)
    n, c_in, h, wd = x.shape
    c_out, _, kh, kw = w.shape
    _, _, h_out, w_out = dout.shape
    xp = np.pad(x, ((0, 0), (0, 0), (ph, ph), (pw, pw)))

    db = dout.sum(axis=(0, 2, 3))
    dw = np.zeros_like(w)
    for i in range(kh):
        for j in range(kw):
            patch = xp[:, :, i:i + sh * (h_out - 1) + 1:sh, j:j + sw * (w_out - 1) + 1:sw]
            dw[:, :, i, j] = np.tensordot(dout, patch, axes=([0, 2, 3], [0, 2, 3]))

    # dilate dout by the stride, pad it by k - 1, and slide the kernel over it
    dilated = np.zeros((n, c_out, sh * (h_out - 1) + 1, sw * (w_out - 1) + 1))
    dilated[:, :, ::sh, ::sw] = dout
    full = np.pad(dilated, ((0, 0), (0, 0), (kh - 1, kh - 1), (kw - 1, kw - 1)))
    covered = np.zeros((n, c_in, dilated.shape[2] + kh - 1, dilated.shape[3] + kw - 1))
    for i in range(kh):
        for j in range(kw):
            window = full[:, :, i:i + covered.shape[2], j:j + covered.shape[3]]
            covered += np.einsum("nohw,oc->nchw", window, w[:, :, i, j])
    dxp = np.zeros_like(xp)
    dxp[:, :, :covered.shape[2], :covered.shape[3]] = covered
    return dxp[:, :, ph:ph + h, pw:pw + wd], dw, db
