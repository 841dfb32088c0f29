"""Wrong: right statistic and df, but the p-value comes from the standard normal."""

import numpy as np
from scipy.stats import norm


def welch_t_test(a, b, alternative="two-sided"):
    a, b = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
    va, vb = a.var(ddof=1) / a.size, b.var(ddof=1) / b.size
    t = (a.mean() - b.mean()) / np.sqrt(va + vb)
    df = (va + vb) ** 2 / (va**2 / (a.size - 1) + vb**2 / (b.size - 1))
    if alternative == "less":
        p = norm.cdf(t)
    elif alternative == "greater":
        p = norm.sf(t)
    else:
        p = 2 * norm.sf(abs(t))
    return float(t), float(p), float(df)
