"""Wrong: rank = 1 + the number of strictly smaller p-values, so ties share their lowest rank."""

import numpy as np


def benjamini_hochberg(p_values):
    p = np.asarray(p_values, dtype=float)
    m = len(p)
    rank = (p[None, :] < p[:, None]).sum(axis=1) + 1
    raw = p * m / rank
    order = np.argsort(p)
    adjusted = np.empty(m)
    adjusted[order] = np.minimum.accumulate(raw[order][::-1])[::-1]
    return np.minimum(adjusted, 1.0)
