"""Wrong: upper tails as 1 − cdf, which cancels to 0 for tiny p-values."""

import numpy as np
from scipy.stats import t as student_t


def welch_t_test(a, b, alternative="two-sided"):
    a, b = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
    va, vb = a.var(ddof=1) / a.size, b.var(ddof=1) / b.size
    t = (a.mean() - b.mean()) / np.sqrt(va + vb)
    df = (va + vb) ** 2 / (va**2 / (a.size - 1) + vb**2 / (b.size - 1))
    if alternative == "less":
        p = student_t.cdf(t, df)
    elif alternative == "greater":
        p = 1 - student_t.cdf(t, df)
    else:
        p = 2 * (1 - student_t.cdf(abs(t), df))
    return float(t), float(p), float(df)
