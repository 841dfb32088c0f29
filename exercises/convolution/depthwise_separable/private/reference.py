"""Reference: depthwise convolution (groups = C, depth multiplier M) followed by a pointwise 1×1
convolution, each with its own bias; stride and padding belong to the depthwise stage."""

import numpy as np


def _pair(value: int | tuple[int, int] | list[int]) -> tuple[int, int]:
    return (value, value) if isinstance(value, int) else (int(value[0]), int(value[1]))


def depthwise_separable(
    x: np.ndarray,
    w_depth: np.ndarray,
    b_depth: np.ndarray | None,
    w_point: np.ndarray,
    b_point: np.ndarray | None,
    stride: int | tuple[int, int] = 1,
    padding: int | tuple[int, int] = 0,
) -> np.ndarray:
    (sh, sw), (ph, pw) = _pair(stride), _pair(padding)
    n, channels, height, width = x.shape
    multiplier = w_depth.shape[0] // channels
    kh, kw = w_depth.shape[2:]
    h_out = (height + 2 * ph - kh) // sh + 1
    w_out = (width + 2 * pw - kw) // sw + 1
    # depthwise channel k = c·M + m reads input channel c = k // M
    xp = np.repeat(np.pad(x, ((0, 0), (0, 0), (ph, ph), (pw, pw))), multiplier, axis=1)
    mid = np.zeros((n, channels * multiplier, h_out, w_out))
    for p in range(kh):
        for q in range(kw):
            rows = slice(p, p + sh * (h_out - 1) + 1, sh)
            cols = slice(q, q + sw * (w_out - 1) + 1, sw)
            mid += xp[:, :, rows, cols] * w_depth[None, :, 0, p, q, None, None]
    if b_depth is not None:
        mid += b_depth[None, :, None, None]
    out = np.einsum("nkhw,ok->nohw", mid, w_point[:, :, 0, 0])
    return out if b_point is None else out + b_point[None, :, None, None]
