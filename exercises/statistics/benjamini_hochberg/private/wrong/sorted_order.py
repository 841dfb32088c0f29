"""Wrong: correct values, returned in ascending order of p instead of input order."""

import numpy as np


def benjamini_hochberg(p_values):
    p = np.sort(np.asarray(p_values, dtype=float))
    m = len(p)
    raw = p * m / np.arange(1, m + 1)
    return np.minimum(np.minimum.accumulate(raw[::-1])[::-1], 1.0)
