"""Paired t-test — see README.md for the full statement."""

import numpy as np


def paired_t_test(before: np.ndarray, after: np.ndarray, alternative: str = "two-sided") -> tuple[float, float]:
    """Return (t_statistic, p_value) of the paired t-test on d = before − after."""
    raise NotImplementedError
