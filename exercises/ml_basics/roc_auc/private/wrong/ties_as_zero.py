"""Wrong: counts the pairs with a strictly higher positive score; ties count 0."""

import numpy as np


def roc_auc(y_true, scores):
    pos, neg = np.sort(scores[y_true == 1]), np.sort(scores[y_true == 0])
    if len(pos) == 0 or len(neg) == 0:
        return float("nan")
    below = np.searchsorted(neg, pos, side="left")  # negatives strictly below each positive
    return float(below.sum() / (len(pos) * len(neg)))
