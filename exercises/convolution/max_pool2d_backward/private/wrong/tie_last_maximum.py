"""Wrong: keeps the running maximum with >=, so a tie goes to the last maximum of the window."""

import numpy as np


def _pair(v):
    return (v, v) if isinstance(v, int) else tuple(v)


def max_pool2d_backward(x, dout, kernel_size, stride=None, padding=0, dilation=1):
    kh, kw = _pair(kernel_size)
    sh, sw = _pair(kernel_size if stride is None else stride)
    (ph, pw), (dh, dw) = _pair(padding), _pair(dilation)
    n, c, h, wd = x.shape
    xp = np.pad(x, ((0, 0), (0, 0), (ph, ph), (pw, pw)), constant_values=-np.inf)
    dxp = np.zeros(xp.shape)
    for b in range(n):
        for ch in range(c):
            for i in range(dout.shape[2]):
                for j in range(dout.shape[3]):
                    best, at = -np.inf, None
                    for p in range(kh):
                        for q in range(kw):
                            r, s = i * sh + p * dh, j * sw + q * dw
                            if xp[b, ch, r, s] >= best:
                                best, at = xp[b, ch, r, s], (r, s)
                    dxp[b, ch, at[0], at[1]] += dout[b, ch, i, j]
    return dxp[:, :, ph:ph + h, pw:pw + wd]
