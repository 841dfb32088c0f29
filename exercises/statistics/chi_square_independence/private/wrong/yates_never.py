"""Wrong: ignores `correction`, never applies Yates' correction."""

import numpy as np
from scipy.stats import chi2


def chi_square_independence(table, correction=True):
    observed = np.asarray(table, dtype=float)
    expected = np.outer(observed.sum(axis=1), observed.sum(axis=0)) / observed.sum()
    dof = (observed.shape[0] - 1) * (observed.shape[1] - 1)
    if dof == 0:
        return 0.0, 1.0, 0, expected
    statistic = float(((observed - expected) ** 2 / expected).sum())
    return statistic, float(chi2.sf(statistic, dof)), dof, expected
