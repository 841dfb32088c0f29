"""Wrong: rounds the output length up and zero-pads the end so that a last partial window fits."""

import math

import numpy as np


def conv1d(x, w, b=None, stride=1, padding=0, dilation=1):
    n, c_in, length = x.shape
    c_out, _, k = w.shape
    l_out = math.ceil((length + 2 * padding - dilation * (k - 1) - 1) / stride) + 1
    extra = stride * (l_out - 1) + dilation * (k - 1) + 1 - (length + 2 * padding)
    xp = np.pad(x, ((0, 0), (0, 0), (padding, padding + extra)))
    out = np.zeros((n, c_out, l_out))
    for i in range(l_out):
        window = xp[:, :, i * stride:i * stride + dilation * (k - 1) + 1:dilation]
        out[:, :, i] = np.einsum("nck,ock->no", window, w)
    if b is not None:
        out += b[None, :, None]
    return out
