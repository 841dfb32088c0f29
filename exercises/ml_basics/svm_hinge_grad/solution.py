"""Multiclass SVM hinge loss and gradient — see README.md for the full statement."""

import numpy as np


def svm_hinge_grad(W: np.ndarray, X: np.ndarray, y: np.ndarray, reg: float) -> tuple[float, np.ndarray]:
    """Mean multiclass hinge loss (Δ = 1, correct class excluded) plus reg·ΣW²; return (loss, dW)."""
    raise NotImplementedError
