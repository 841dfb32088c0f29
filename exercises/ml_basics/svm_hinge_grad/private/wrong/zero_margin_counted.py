"""Wrong: counts a margin of exactly 0 as violated in the gradient (>= instead of >)."""

import numpy as np


def svm_hinge_grad(W, X, y, reg):
    n = X.shape[0]
    s = X @ W
    m = s - s[np.arange(n), y].reshape(-1, 1) + 1
    m[np.arange(n), y] = -1
    loss = np.sum(np.maximum(0, m)) / n + reg * np.sum(W * W)
    positive = (m >= 0).astype(float)
    positive[np.arange(n), y] = -positive.sum(axis=1)
    return float(loss), X.T @ positive / n + 2 * reg * W
