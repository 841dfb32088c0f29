"""Wrong: np.var with its default ddof=0."""

import numpy as np
from scipy.stats import t as student_t


def welch_t_test(a, b, alternative="two-sided"):
    a, b = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
    va, vb = np.var(a) / len(a), np.var(b) / len(b)
    t = (a.mean() - b.mean()) / np.sqrt(va + vb)
    df = (va + vb) ** 2 / (va**2 / (len(a) - 1) + vb**2 / (len(b) - 1))
    if alternative == "less":
        p = student_t.cdf(t, df)
    elif alternative == "greater":
        p = student_t.sf(t, df)
    else:
        p = 2 * student_t.sf(abs(t), df)
    return float(t), float(p), float(df)
