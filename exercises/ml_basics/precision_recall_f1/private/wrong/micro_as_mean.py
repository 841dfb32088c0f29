"""Wrong: the micro averages are the means of the per-class scores."""

import numpy as np


def precision_recall_f1(y_true, y_pred, num_classes):
    cm = np.zeros((num_classes, num_classes))
    np.add.at(cm, (y_true, y_pred), 1)
    tp = np.diag(cm)
    pred, true = cm.sum(axis=0), cm.sum(axis=1)
    precision = np.where(pred > 0, tp / np.maximum(pred, 1), 0.0)
    recall = np.where(true > 0, tp / np.maximum(true, 1), 0.0)
    s = precision + recall
    f1 = np.where(s > 0, 2 * precision * recall / np.where(s > 0, s, 1), 0.0)
    macro = np.array([precision.mean(), recall.mean(), f1.mean()])
    return precision, recall, f1, macro, macro.copy()
