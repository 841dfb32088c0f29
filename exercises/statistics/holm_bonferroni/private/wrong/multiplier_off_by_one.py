"""Wrong: the p-value of rank i (1-based) multiplied by m − i instead of m − i + 1."""

import numpy as np


def adjust_p_values(p_values, method="holm"):
    p = np.asarray(p_values, dtype=float)
    m = len(p)
    if method == "bonferroni":
        return np.minimum(p * m, 1.0)
    order = np.argsort(p)
    ranks = np.arange(1, m + 1)
    raw = np.maximum.accumulate(p[order] * (m - ranks))
    adjusted = np.empty(m)
    adjusted[order] = np.minimum(raw, 1.0)
    return adjusted
