"""CUPED variance reduction for an A/B test — see README.md for the full statement."""

import numpy as np


def cuped(
    y_control: np.ndarray, x_control: np.ndarray, y_treatment: np.ndarray, x_treatment: np.ndarray
) -> tuple[float, float, float, float]:
    """Return (theta, mean_control, mean_treatment, variance_ratio) of the CUPED-adjusted metric."""
    raise NotImplementedError
