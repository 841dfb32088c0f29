"""Wrong: the threshold is the largest value of the left child, not the midpoint."""

import numpy as np


def _impurity(labels, criterion):
    _, counts = np.unique(labels, return_counts=True)
    p = counts / counts.sum()
    return 1 - np.sum(p**2) if criterion == "gini" else -np.sum(p * np.log2(p))


def best_split(X, y, criterion="gini"):
    n = len(y)
    best = (-1, float("nan"), float(_impurity(y, criterion)))
    best_score = np.inf
    for j in range(X.shape[1]):
        for t in np.unique(X[:, j])[:-1]:
            left = X[:, j] <= t
            score = (left.sum() * _impurity(y[left], criterion) + (~left).sum() * _impurity(y[~left], criterion)) / n
            if score < best_score - 1e-12:
                best_score, best = score, (j, float(t), float(score))
    return best
