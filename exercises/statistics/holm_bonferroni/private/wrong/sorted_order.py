"""Wrong: Holm's adjusted p-values returned in ascending order of p, not the input order."""

import numpy as np


def adjust_p_values(p_values, method="holm"):
    p = np.asarray(p_values, dtype=float)
    m = len(p)
    if method == "bonferroni":
        return np.minimum(p * m, 1.0)
    raw = np.sort(p) * (m - np.arange(m))
    return np.minimum(np.maximum.accumulate(raw), 1.0)
