"""Reference: softmax classifier loss with log-sum-exp, and its vectorised gradient."""

import numpy as np


def softmax_regression_grad(W: np.ndarray, X: np.ndarray, y: np.ndarray, reg: float) -> tuple[float, np.ndarray]:
    n = X.shape[0]
    rows = np.arange(n)
    scores = X @ W
    shifted = scores - scores.max(axis=1, keepdims=True)
    log_probs = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
    loss = -log_probs[rows, y].mean() + reg * np.sum(W * W)
    dscores = np.exp(log_probs)
    dscores[rows, y] -= 1.0
    return float(loss), X.T @ dscores / n + 2 * reg * W
