"""Wrong: proportions over ALL classes, so an absent class gives 0·log2(0) = NaN, and a split with
a pure child never wins (NaN < best is False)."""

import numpy as np


def best_split(X, y, criterion="gini"):
    classes = np.unique(y)

    def impurity(labels):
        p = (labels[:, None] == classes[None, :]).mean(axis=0)
        if criterion == "gini":
            return 1 - np.sum(p**2)
        with np.errstate(divide="ignore", invalid="ignore"):
            return -np.sum(p * np.log2(p))

    n = len(y)
    best = (-1, float("nan"), float(impurity(y)))
    best_score = np.inf
    for j in range(X.shape[1]):
        values = np.unique(X[:, j])
        for t in (values[:-1] + values[1:]) / 2:
            left = X[:, j] <= t
            score = (left.sum() * impurity(y[left]) + (~left).sum() * impurity(y[~left])) / n
            if score < best_score - 1e-12:
                best_score, best = score, (j, float(t), float(score))
    return best
