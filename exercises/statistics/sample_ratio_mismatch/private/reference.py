"""Reference: chi-square goodness-of-fit test of the users per arm against the planned split
(scipy chisquare(counts, f_exp=N·w/Σw) semantics), flagged when p < threshold."""

import numpy as np
from scipy.stats import chi2


def sample_ratio_mismatch(
    counts: np.ndarray, weights: np.ndarray, threshold: float = 0.001
) -> tuple[float, float, bool]:
    observed = np.asarray(counts, dtype=float)
    share = np.asarray(weights, dtype=float)
    expected = observed.sum() * share / share.sum()
    statistic = float(((observed - expected) ** 2 / expected).sum())
    p_value = float(chi2.sf(statistic, observed.size - 1))
    return statistic, p_value, p_value < threshold
