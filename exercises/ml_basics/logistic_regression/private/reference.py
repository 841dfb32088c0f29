"""Reference: stable mean binary cross-entropy of a logistic model and its gradient."""

import numpy as np


def logistic_loss_and_grad(
    w: np.ndarray, b: float, X: np.ndarray, y: np.ndarray
) -> tuple[float, np.ndarray, float]:
    z = X @ w + b
    loss = np.mean(np.logaddexp(0.0, z) - y * z)
    error = np.exp(-np.logaddexp(0.0, -z)) - y  # σ(z) − y without overflow
    return float(loss), X.T @ error / len(y), float(np.mean(error))
