"""Wrong: np.argmin over the exact floating-point impurities, so of two mathematically equal splits
the one that rounds lower wins, not the first."""

import numpy as np


def _impurity(counts, criterion):
    p = counts / counts.sum(axis=1, keepdims=True)
    if criterion == "gini":
        return 1 - np.sum(p**2, axis=1)
    logs = np.log2(np.where(p > 0, p, 1))
    return -np.sum(p * logs, axis=1)


def best_split(X, y, criterion="gini"):
    n, d = X.shape
    onehot = (y[:, None] == np.unique(y)).astype(float)
    best = (-1, float("nan"), float(_impurity(onehot.sum(0, keepdims=True), criterion)[0]))
    best_score = np.inf
    for j in range(d):
        order = np.argsort(X[:, j], kind="stable")
        xs, ys = X[order, j], onehot[order]
        cut = np.flatnonzero(np.diff(xs) > 0)
        if len(cut) == 0:
            continue
        left = np.cumsum(ys, axis=0)[cut]
        right = ys.sum(0) - left
        nl = cut + 1
        scores = (nl * _impurity(left, criterion) + (n - nl) * _impurity(right, criterion)) / n
        i = int(np.argmin(scores))
        if scores[i] < best_score:
            best_score = scores[i]
            best = (j, float((xs[cut[i]] + xs[cut[i] + 1]) / 2), float(scores[i]))
    return best
