"""Wrong: the U statistic of sample y (rank sum of y) taken as the U of x."""

import numpy as np
from scipy.stats import norm, rankdata


def mann_whitney_u(x, y, alternative="two-sided"):
    n1, n2 = len(x), len(y)
    pooled = np.concatenate([x, y])
    u = rankdata(pooled)[n1:].sum() - n2 * (n2 + 1) / 2
    _, t = np.unique(pooled, return_counts=True)
    n = n1 + n2
    sigma = np.sqrt(n1 * n2 / 12 * ((n + 1) - np.sum(t**3 - t) / (n * (n - 1))))
    mu = n1 * n2 / 2
    if alternative == "greater":
        p = norm.sf((u - mu - 0.5) / sigma)
    elif alternative == "less":
        p = norm.cdf((u - mu + 0.5) / sigma)
    else:
        p = min(1.0, 2 * norm.sf((abs(u - mu) - 0.5) / sigma))
    return float(u), float(p)
