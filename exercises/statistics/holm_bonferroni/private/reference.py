"""Reference: Bonferroni and Holm (step-down) adjusted p-values
(statsmodels multipletests(method="bonferroni" / "holm") semantics)."""

import numpy as np


def adjust_p_values(p_values: np.ndarray, method: str = "holm") -> np.ndarray:
    p = np.asarray(p_values, dtype=float)
    m = p.size
    if method == "bonferroni":
        return np.minimum(p * m, 1.0)
    order = np.argsort(p, kind="stable")
    raw = p[order] * (m - np.arange(m))
    adjusted = np.empty(m)
    adjusted[order] = np.minimum(np.maximum.accumulate(raw), 1.0)
    return adjusted
