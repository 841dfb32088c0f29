"""Softmax regression loss and gradient — see README.md for the full statement."""

import numpy as np


def softmax_regression_grad(W: np.ndarray, X: np.ndarray, y: np.ndarray, reg: float) -> tuple[float, np.ndarray]:
    """Mean cross-entropy of softmax(X·W) plus reg·ΣW², and its gradient; return (loss, dW)."""
    raise NotImplementedError
