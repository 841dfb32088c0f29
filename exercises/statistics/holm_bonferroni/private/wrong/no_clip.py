"""Wrong: adjusted p-values not capped at 1."""

import numpy as np


def adjust_p_values(p_values, method="holm"):
    p = np.asarray(p_values, dtype=float)
    m = len(p)
    if method == "bonferroni":
        return p * m
    order = np.argsort(p)
    adjusted = np.empty(m)
    adjusted[order] = np.maximum.accumulate(p[order] * (m - np.arange(m)))
    return adjusted
