"""Reference: 2-D average pooling with zero padding, floor output size and torch's count_include_pad rule."""

import numpy as np


def _pair(value: int | tuple[int, int] | list[int]) -> tuple[int, int]:
    return (value, value) if isinstance(value, int) else (int(value[0]), int(value[1]))


def _window_sums(xp: np.ndarray, kernel: tuple[int, int], stride: tuple[int, int], size: tuple[int, int]) -> np.ndarray:
    (kh, kw), (sh, sw), (h_out, w_out) = kernel, stride, size
    total = np.zeros(xp.shape[:-2] + size)
    for i in range(kh):
        for j in range(kw):
            total += xp[..., i:i + sh * (h_out - 1) + 1:sh, j:j + sw * (w_out - 1) + 1:sw]
    return total


def avg_pool2d(
    x: np.ndarray,
    kernel_size: int | tuple[int, int],
    stride: int | tuple[int, int] | None = None,
    padding: int | tuple[int, int] = 0,
    count_include_pad: bool = True,
) -> np.ndarray:
    (kh, kw), (ph, pw) = _pair(kernel_size), _pair(padding)
    sh, sw = _pair(kernel_size if stride is None else stride)
    size = ((x.shape[2] + 2 * ph - kh) // sh + 1, (x.shape[3] + 2 * pw - kw) // sw + 1)
    pads = ((0, 0), (0, 0), (ph, ph), (pw, pw))
    sums = _window_sums(np.pad(x, pads), (kh, kw), (sh, sw), size)
    if count_include_pad:
        return sums / (kh * kw)
    counts = _window_sums(np.pad(np.ones(x.shape[2:]), pads[2:]), (kh, kw), (sh, sw), size)
    return sums / counts
