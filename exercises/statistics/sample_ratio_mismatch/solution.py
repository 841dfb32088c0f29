"""Sample ratio mismatch check of an A/B test — see README.md for the full statement."""

import numpy as np


def sample_ratio_mismatch(
    counts: np.ndarray, weights: np.ndarray, threshold: float = 0.001
) -> tuple[float, float, bool]:
    """Return (statistic, p_value, flagged) of the chi-square test of COUNTS against the planned WEIGHTS."""
    raise NotImplementedError
