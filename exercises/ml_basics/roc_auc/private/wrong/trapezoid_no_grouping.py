"""Wrong: walks the samples in descending score order one at a time and integrates the ROC curve
with the trapezoid rule, so tied scores make a staircase in input order."""

import numpy as np


def roc_auc(y_true, scores):
    order = np.argsort(-scores, kind="stable")
    y = y_true[order]
    n_pos, n_neg = y.sum(), len(y) - y.sum()
    if n_pos == 0 or n_neg == 0:
        return float("nan")
    tpr = np.concatenate([[0.0], np.cumsum(y) / n_pos])
    fpr = np.concatenate([[0.0], np.cumsum(1 - y) / n_neg])
    return float(np.sum((fpr[1:] - fpr[:-1]) * (tpr[1:] + tpr[:-1]) / 2))
