"""Reference: 1-D cross-correlation with torch's conv1d semantics (stride, zero padding, dilation)."""

import numpy as np


def conv1d(
    x: np.ndarray,
    w: np.ndarray,
    b: np.ndarray | None = None,
    stride: int = 1,
    padding: int = 0,
    dilation: int = 1,
) -> np.ndarray:
    length, kernel = x.shape[-1], w.shape[-1]
    l_out = (length + 2 * padding - dilation * (kernel - 1) - 1) // stride + 1
    xp = np.pad(x, ((0, 0), (0, 0), (padding, padding)))
    out = np.zeros((x.shape[0], w.shape[0], l_out))
    for k in range(kernel):
        start = k * dilation
        out += np.einsum("ncl,oc->nol", xp[:, :, start:start + stride * (l_out - 1) + 1:stride], w[:, :, k])
    return out if b is None else out + b[None, :, None]
