"""Wrong: midranks, but the variance of U ignores ties."""

import numpy as np
from scipy.stats import norm, rankdata


def mann_whitney_u(x, y, alternative="two-sided"):
    n1, n2 = len(x), len(y)
    ranks = rankdata(np.concatenate([x, y]))
    u = ranks[:n1].sum() - n1 * (n1 + 1) / 2
    mu = n1 * n2 / 2
    sigma = np.sqrt(n1 * n2 * (n1 + n2 + 1) / 12)
    if alternative == "greater":
        p = norm.sf((u - mu - 0.5) / sigma)
    elif alternative == "less":
        p = norm.cdf((u - mu + 0.5) / sigma)
    else:
        p = min(1.0, 2 * norm.sf((abs(u - mu) - 0.5) / sigma))
    return float(u), float(p)
