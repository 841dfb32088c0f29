"""Wrong: counts the pairs where the positive score is at least the negative one; ties count 1."""

import numpy as np


def roc_auc(y_true, scores):
    pos, neg = np.sort(scores[y_true == 1]), np.sort(scores[y_true == 0])
    if len(pos) == 0 or len(neg) == 0:
        return float("nan")
    below = np.searchsorted(neg, pos, side="right")  # negatives at or below each positive
    return float(below.sum() / (len(pos) * len(neg)))
