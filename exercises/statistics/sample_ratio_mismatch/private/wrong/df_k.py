"""Wrong: k degrees of freedom instead of k − 1."""

import numpy as np
from scipy.stats import chi2


def sample_ratio_mismatch(counts, weights, threshold=0.001):
    counts = np.asarray(counts, dtype=float)
    weights = np.asarray(weights, dtype=float)
    expected = counts.sum() * weights / weights.sum()
    stat = float(np.sum((counts - expected) ** 2 / expected))
    p = float(chi2.sf(stat, len(counts)))
    return stat, p, p < threshold
