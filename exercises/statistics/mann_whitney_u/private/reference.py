"""Reference: Mann–Whitney U with midranks, tie-corrected variance and continuity correction
(scipy mannwhitneyu(method="asymptotic", use_continuity=True) semantics)."""

import numpy as np
from scipy.stats import norm, rankdata


def mann_whitney_u(x: np.ndarray, y: np.ndarray, alternative: str = "two-sided") -> tuple[float, float]:
    x, y = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
    n1, n2 = x.size, y.size
    n = n1 + n2
    pooled = np.concatenate([x, y])
    u1 = rankdata(pooled)[:n1].sum() - n1 * (n1 + 1) / 2.0
    counts = np.unique(pooled, return_counts=True)[1].astype(float)
    sigma = np.sqrt(n1 * n2 / 12.0 * (n + 1 - (counts**3 - counts).sum() / (n * (n - 1))))
    mu = n1 * n2 / 2.0
    if alternative == "greater":
        p = norm.sf((u1 - mu - 0.5) / sigma)
    elif alternative == "less":
        p = norm.cdf((u1 - mu + 0.5) / sigma)
    else:
        p = min(1.0, 2.0 * norm.sf((abs(u1 - mu) - 0.5) / sigma))
    return float(u1), float(p)
