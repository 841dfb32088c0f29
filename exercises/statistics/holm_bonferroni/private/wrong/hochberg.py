"""Wrong: a running minimum from the largest p-value down (Hochberg's step-up) instead of Holm's
running maximum from the smallest up."""

import numpy as np


def adjust_p_values(p_values, method="holm"):
    p = np.asarray(p_values, dtype=float)
    m = len(p)
    if method == "bonferroni":
        return np.minimum(p * m, 1.0)
    order = np.argsort(p)
    raw = p[order] * (m - np.arange(m))
    stepped = np.minimum.accumulate(raw[::-1])[::-1]
    adjusted = np.empty(m)
    adjusted[order] = np.minimum(stepped, 1.0)
    return adjusted
