"""Wrong: Yates' correction as (|O − E| − 0.5)², without the min(0.5, |O − E|) cap."""

import numpy as np
from scipy.stats import chi2


def chi_square_independence(table, correction=True):
    observed = np.asarray(table, dtype=float)
    expected = np.outer(observed.sum(axis=1), observed.sum(axis=0)) / observed.sum()
    dof = (observed.shape[0] - 1) * (observed.shape[1] - 1)
    if dof == 0:
        return 0.0, 1.0, 0, expected
    deviation = np.abs(observed - expected)
    if dof == 1 and correction:
        deviation = deviation - 0.5
    statistic = float((deviation**2 / expected).sum())
    return statistic, float(chi2.sf(statistic, dof)), dof, expected
