"""Wrong: tie-corrected variance, but no continuity correction (z = (U − μ)/σ)."""

import numpy as np
from scipy.stats import norm, rankdata


def mann_whitney_u(x, y, alternative="two-sided"):
    n1, n2 = len(x), len(y)
    pooled = np.concatenate([x, y])
    u = rankdata(pooled)[:n1].sum() - n1 * (n1 + 1) / 2
    _, t = np.unique(pooled, return_counts=True)
    n = n1 + n2
    sigma = np.sqrt(n1 * n2 / 12 * ((n + 1) - np.sum(t**3 - t) / (n * (n - 1))))
    z = (u - n1 * n2 / 2) / sigma
    if alternative == "greater":
        p = norm.sf(z)
    elif alternative == "less":
        p = norm.cdf(z)
    else:
        p = 2 * norm.sf(abs(z))
    return float(u), float(p)
