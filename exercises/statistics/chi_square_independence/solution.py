"""Chi-square test of independence — see README.md for the full statement."""

import numpy as np


def chi_square_independence(table: np.ndarray, correction: bool = True) -> tuple[float, float, int, np.ndarray]:
    """Return (chi2, p_value, dof, expected) of Pearson's chi-square test on an r × c table."""
    raise NotImplementedError
