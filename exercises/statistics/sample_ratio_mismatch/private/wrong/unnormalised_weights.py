"""Wrong: the weights used as shares without dividing by their sum."""

import numpy as np
from scipy.stats import chi2


def sample_ratio_mismatch(counts, weights, threshold=0.001):
    counts = np.asarray(counts, dtype=float)
    expected = counts.sum() * np.asarray(weights, dtype=float)
    stat = float(np.sum((counts - expected) ** 2 / expected))
    p = float(chi2.sf(stat, len(counts) - 1))
    return stat, p, p < threshold
