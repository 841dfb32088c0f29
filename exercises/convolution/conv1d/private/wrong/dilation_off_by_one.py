"""Wrong: cs231n dilation convention — taps are dilation + 1 apart (dilation 0 would be contiguous)."""

import numpy as np


def conv1d(x, w, b=None, stride=1, padding=0, dilation=1):
    n, c_in, length = x.shape
    c_out, _, k = w.shape
    gap = dilation + 1
    l_out = (length + 2 * padding - gap * (k - 1) - 1) // stride + 1
    xp = np.pad(x, ((0, 0), (0, 0), (padding, padding)))
    out = np.zeros((n, c_out, l_out))
    for i in range(l_out):
        window = xp[:, :, i * stride:i * stride + gap * (k - 1) + 1:gap]
        out[:, :, i] = np.einsum("nck,ock->no", window, w)
    if b is not None:
        out += b[None, :, None]
    return out
