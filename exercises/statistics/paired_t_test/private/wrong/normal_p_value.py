"""Wrong: right statistic, p-value from the standard normal."""

import numpy as np
from scipy.stats import norm


def paired_t_test(before, after, alternative="two-sided"):
    d = np.asarray(before, dtype=float) - np.asarray(after, dtype=float)
    t = d.mean() / (d.std(ddof=1) / np.sqrt(len(d)))
    if alternative == "less":
        p = norm.cdf(t)
    elif alternative == "greater":
        p = norm.sf(t)
    else:
        p = 2 * norm.sf(abs(t))
    return float(t), float(p)
