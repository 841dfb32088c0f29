"""Reference: vectorised multiclass SVM loss and gradient (cs231n), margin Δ = 1."""

import numpy as np


def svm_hinge_grad(W: np.ndarray, X: np.ndarray, y: np.ndarray, reg: float) -> tuple[float, np.ndarray]:
    n = X.shape[0]
    rows = np.arange(n)
    scores = X @ W
    margins = np.maximum(0.0, scores - scores[rows, y][:, None] + 1.0)
    margins[rows, y] = 0.0
    loss = margins.sum() / n + reg * np.sum(W * W)
    dscores = (margins > 0).astype(np.float64)
    dscores[rows, y] = -dscores.sum(axis=1)
    return float(loss), X.T @ dscores / n + 2 * reg * W
