"""Wrong: Holm's (m − i + 1)·p_(i) without the running maximum (not monotone)."""

import numpy as np


def adjust_p_values(p_values, method="holm"):
    p = np.asarray(p_values, dtype=float)
    m = len(p)
    if method == "bonferroni":
        return np.minimum(p * m, 1.0)
    order = np.argsort(p)
    adjusted = np.empty(m)
    for rank, index in enumerate(order):
        adjusted[index] = min(1.0, (m - rank) * p[index])
    return adjusted
