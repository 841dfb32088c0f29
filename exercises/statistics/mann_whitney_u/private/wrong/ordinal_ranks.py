"""Wrong: ties broken by position (ordinal ranks) instead of sharing their average rank."""

import numpy as np
from scipy.stats import norm


def mann_whitney_u(x, y, alternative="two-sided"):
    n1, n2 = len(x), len(y)
    pooled = np.concatenate([x, y])
    ranks = np.empty(pooled.size)
    ranks[np.argsort(pooled, kind="stable")] = np.arange(1, pooled.size + 1)
    u = ranks[:n1].sum() - n1 * (n1 + 1) / 2
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
