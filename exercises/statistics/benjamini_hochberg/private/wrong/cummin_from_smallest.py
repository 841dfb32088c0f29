"""Wrong: the running minimum starts at the smallest p-value (the reversal was forgotten)."""

import numpy as np


def benjamini_hochberg(p_values):
    p = np.asarray(p_values, dtype=float)
    m = len(p)
    order = np.argsort(p)
    raw = p[order] * m / np.arange(1, m + 1)
    adjusted = np.empty(m)
    adjusted[order] = np.minimum(np.minimum.accumulate(raw), 1.0)
    return adjusted
