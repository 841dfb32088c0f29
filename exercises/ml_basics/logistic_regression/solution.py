"""Logistic regression loss and gradient — see README.md for the full statement."""

import numpy as np


def logistic_loss_and_grad(
    w: np.ndarray, b: float, X: np.ndarray, y: np.ndarray
) -> tuple[float, np.ndarray, float]:
    """Mean binary cross-entropy of σ(X·w + b) against y ∈ {0, 1}; return (loss, dw, db)."""
    raise NotImplementedError
