"""Wrong: loss with reg·ΣW² but the gradient of ½·reg·ΣW² (reg·W instead of 2·reg·W)."""

import numpy as np


def softmax_regression_grad(W, X, y, reg):
    n = X.shape[0]
    s = X @ W
    s = s - s.max(axis=1, keepdims=True)
    logp = s - np.log(np.exp(s).sum(axis=1, keepdims=True))
    loss = -np.mean(logp[np.arange(n), y]) + reg * np.sum(W**2)
    p = np.exp(logp)
    p[np.arange(n), y] -= 1
    return float(loss), X.T @ p / n + reg * W
