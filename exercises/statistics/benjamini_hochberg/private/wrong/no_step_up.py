"""Wrong: p_(i)·m/i clipped at 1, without the cumulative minimum."""

import numpy as np


def benjamini_hochberg(p_values):
    p = np.asarray(p_values, dtype=float)
    m = len(p)
    order = np.argsort(p)
    adjusted = np.empty(m)
    adjusted[order] = np.minimum(p[order] * m / np.arange(1, m + 1), 1.0)
    return adjusted
