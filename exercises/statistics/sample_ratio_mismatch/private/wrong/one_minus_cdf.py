"""Wrong: p = 1 − cdf, which rounds tiny p-values to 0."""

import numpy as np
from scipy.stats import chi2


def sample_ratio_mismatch(counts, weights, threshold=0.001):
    counts = np.asarray(counts, dtype=float)
    weights = np.asarray(weights, dtype=float)
    expected = counts.sum() * weights / weights.sum()
    stat = float(np.sum((counts - expected) ** 2 / expected))
    p = float(1 - chi2.cdf(stat, len(counts) - 1))
    return stat, p, p < threshold
