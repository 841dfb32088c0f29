"""Wrong: the correct class's column gets −X[i] once per sample, not once per positive margin."""

import numpy as np


def svm_hinge_grad(W, X, y, reg):
    n = X.shape[0]
    s = X @ W
    m = np.maximum(0, s - s[np.arange(n), y].reshape(-1, 1) + 1)
    m[np.arange(n), y] = 0
    loss = np.sum(m) / n + reg * np.sum(W * W)
    positive = (m > 0).astype(float)
    positive[np.arange(n), y] = -1
    return float(loss), X.T @ positive / n + 2 * reg * W
