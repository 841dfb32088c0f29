"""Wrong: plain division, so every 0/0 is NaN."""

import numpy as np


def precision_recall_f1(y_true, y_pred, num_classes):
    cm = np.zeros((num_classes, num_classes))
    for t, p in zip(y_true, y_pred, strict=True):
        cm[t, p] += 1
    tp = np.diag(cm)
    with np.errstate(divide="ignore", invalid="ignore"):
        precision = tp / cm.sum(axis=0)
        recall = tp / cm.sum(axis=1)
        f1 = 2 * precision * recall / (precision + recall)
    acc = tp.sum() / len(y_true)
    macro = np.array([precision.mean(), recall.mean(), f1.mean()])
    return precision, recall, f1, macro, np.array([acc, acc, acc])
