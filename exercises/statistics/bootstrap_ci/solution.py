"""Percentile bootstrap confidence interval of the mean — see README.md for the full statement."""

import numpy as np


def bootstrap_ci(
    data: np.ndarray, confidence: float = 0.95, n_resamples: int = 2000, seed: int = 0
) -> tuple[float, float]:
    """Return (low, high), the percentile bootstrap interval of the mean of DATA."""
    raise NotImplementedError
