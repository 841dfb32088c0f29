"""Wrong: dof = r·c − 1 (the goodness-of-fit count)."""

import numpy as np
from scipy.stats import chi2


def chi_square_independence(table, correction=True):
    observed = np.asarray(table, dtype=float)
    expected = np.outer(observed.sum(axis=1), observed.sum(axis=0)) / observed.sum()
    dof = observed.size - 1
    if dof == 1 and correction:
        gap = expected - observed
        observed = observed + np.sign(gap) * np.minimum(0.5, np.abs(gap))
    statistic = float(((observed - expected) ** 2 / expected).sum())
    return statistic, float(chi2.sf(statistic, dof)), dof, expected
