"""Reference: chi-square test of independence (scipy chi2_contingency semantics, Yates at dof 1)."""

import numpy as np
from scipy.stats import chi2 as chi2_dist


def chi_square_independence(table: np.ndarray, correction: bool = True) -> tuple[float, float, int, np.ndarray]:
    observed = np.asarray(table, dtype=float)
    expected = np.outer(observed.sum(axis=1), observed.sum(axis=0)) / observed.sum()
    dof = (observed.shape[0] - 1) * (observed.shape[1] - 1)
    if dof == 0:
        return 0.0, 1.0, 0, expected
    if dof == 1 and correction:
        gap = expected - observed
        observed = observed + np.sign(gap) * np.minimum(0.5, np.abs(gap))
    statistic = float(((observed - expected) ** 2 / expected).sum())
    return statistic, float(chi2_dist.sf(statistic, dof)), dof, expected
