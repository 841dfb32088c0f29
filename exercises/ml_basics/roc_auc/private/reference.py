"""Reference: the Mann–Whitney U statistic from average ranks (tied scores share the mean of
their ranks), divided by n_pos · n_neg; NaN when a class is missing."""

import numpy as np


def roc_auc(y_true: np.ndarray, scores: np.ndarray) -> float:
    positive = y_true == 1
    n_pos = int(positive.sum())
    n_neg = len(y_true) - n_pos
    if n_pos == 0 or n_neg == 0:
        return float("nan")
    _, inverse, counts = np.unique(scores, return_inverse=True, return_counts=True)
    ends = np.cumsum(counts)  # the 1-based rank of the last score of each distinct value
    ranks = (ends - (counts - 1) / 2)[inverse]
    u = ranks[positive].sum() - n_pos * (n_pos + 1) / 2
    return float(u / (n_pos * n_neg))
