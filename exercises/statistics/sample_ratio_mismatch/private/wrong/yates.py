"""Wrong: Yates' continuity correction, (|O − E| − 0.5)² / E."""

import numpy as np
from scipy.stats import chi2


def sample_ratio_mismatch(counts, weights, threshold=0.001):
    counts = np.asarray(counts, dtype=float)
    weights = np.asarray(weights, dtype=float)
    expected = counts.sum() * weights / weights.sum()
    stat = float(np.sum((np.abs(counts - expected) - 0.5) ** 2 / expected))
    p = float(chi2.sf(stat, len(counts) - 1))
    return stat, p, p < threshold
