"""Welch's two-sample t-test — see README.md for the full statement."""

import numpy as np


def welch_t_test(a: np.ndarray, b: np.ndarray, alternative: str = "two-sided") -> tuple[float, float, float]:
    """Return (t_statistic, p_value, df) of Welch's unequal-variance t-test of mean(a) vs mean(b)."""
    raise NotImplementedError
