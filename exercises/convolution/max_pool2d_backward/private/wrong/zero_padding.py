"""Wrong: pads with zeros as a convolution does, so in a window of negative values a padded zero
is the maximum and the window's gradient is lost in the padding."""

import numpy as np


def _pair(v):
    return (v, v) if isinstance(v, int) else tuple(v)


def max_pool2d_backward(x, dout, kernel_size, stride=None, padding=0, dilation=1):
    kh, kw = _pair(kernel_size)
    sh, sw = _pair(kernel_size if stride is None else stride)
    (ph, pw), (dh, dw) = _pair(padding), _pair(dilation)
    n, c, h, wd = x.shape
    xp = np.pad(x, ((0, 0), (0, 0), (ph, ph), (pw, pw)))
    dxp = np.zeros(xp.shape)
    for b in range(n):
        for ch in range(c):
            for i in range(dout.shape[2]):
                for j in range(dout.shape[3]):
                    window = xp[b, ch, i * sh:i * sh + dh * (kh - 1) + 1:dh, j * sw:j * sw + dw * (kw - 1) + 1:dw]
                    p, q = np.unravel_index(np.argmax(window), window.shape)
                    dxp[b, ch, i * sh + p * dh, j * sw + q * dw] += dout[b, ch, i, j]
    return dxp[:, :, ph:ph + h, pw:pw + wd]
