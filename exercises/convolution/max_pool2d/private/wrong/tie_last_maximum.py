"""Wrong: keeps the last tied maximum of each window (a >= running comparison) for the gradient."""

import numpy as np


def _pair(v):
    return (v, v) if isinstance(v, int) else tuple(v)


def max_pool2d(x, dout, kernel_size, stride=None):
    kh, kw = _pair(kernel_size)
    sh, sw = _pair(kernel_size if stride is None else stride)
    n, c, h, w = x.shape
    h_out, w_out = (h - kh) // sh + 1, (w - kw) // sw + 1
    out = np.zeros((n, c, h_out, w_out))
    dx = np.zeros_like(x)
    ni, ci = np.meshgrid(np.arange(n), np.arange(c), indexing="ij")
    for r in range(h_out):
        for s in range(w_out):
            best = np.full((n, c), -np.inf)
            best_p = np.zeros((n, c), dtype=int)
            best_q = np.zeros((n, c), dtype=int)
            for p in range(kh):
                for q in range(kw):
                    v = x[:, :, r * sh + p, s * sw + q]
                    take = v >= best
                    best = np.where(take, v, best)
                    best_p = np.where(take, p, best_p)
                    best_q = np.where(take, q, best_q)
            out[:, :, r, s] = best
            np.add.at(dx, (ni, ci, r * sh + best_p, s * sw + best_q), dout[:, :, r, s])
    return out, dx
