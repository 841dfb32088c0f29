"""Wrong: macro averages over the classes that occur in y_true or y_pred only."""

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
    present = np.unique(np.concatenate([y_true, y_pred]))
    macro = np.array([precision[present].mean(), recall[present].mean(), f1[present].mean()])
    acc = tp.sum() / len(y_true)
    return precision, recall, f1, macro, np.array([acc, acc, acc])
