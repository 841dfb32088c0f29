"""Gaussian mixture E-step — see README.md for the full statement."""

import numpy as np


def gmm_e_step(
    X: np.ndarray, weights: np.ndarray, means: np.ndarray, covariances: np.ndarray
) -> tuple[np.ndarray, float]:
    """Return (responsibilities (N, K), total log-likelihood) of a full-covariance Gaussian mixture."""
    raise NotImplementedError
