"""Wrong: p_(i)·m/i only — no cumulative minimum, no clip."""

import numpy as np


def benjamini_hochberg(p_values):
    p = np.asarray(p_values, dtype=float)
    m = len(p)
    order = np.argsort(p)
    adjusted = np.empty(m)
    adjusted[order] = p[order] * m / np.arange(1, m + 1)
    return adjusted
