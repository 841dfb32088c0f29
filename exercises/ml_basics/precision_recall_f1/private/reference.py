"""Reference: a confusion matrix (rows true, columns predicted); per-class ratios with 0 for
0/0; macro = plain mean over all C classes; micro from the counts pooled over the classes."""

import numpy as np


def _ratio(numerator: np.ndarray, denominator: np.ndarray) -> np.ndarray:
    """numerator / denominator elementwise, 0 where the denominator is 0."""
    numerator, denominator = np.asarray(numerator, dtype=np.float64), np.asarray(denominator, dtype=np.float64)
    return np.divide(numerator, denominator, out=np.zeros_like(numerator), where=denominator > 0)


def precision_recall_f1(
    y_true: np.ndarray, y_pred: np.ndarray, num_classes: int
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    confusion = np.zeros((num_classes, num_classes), dtype=np.int64)
    np.add.at(confusion, (y_true, y_pred), 1)
    tp = np.diag(confusion)
    fp = confusion.sum(axis=0) - tp  # predicted as the class, truly another
    fn = confusion.sum(axis=1) - tp  # truly the class, predicted as another
    precision, recall = _ratio(tp, tp + fp), _ratio(tp, tp + fn)
    f1 = _ratio(2 * precision * recall, precision + recall)
    macro = np.array([precision.mean(), recall.mean(), f1.mean()])
    micro_precision, micro_recall = _ratio(tp.sum(), tp.sum() + fp.sum()), _ratio(tp.sum(), tp.sum() + fn.sum())
    micro_f1 = _ratio(2 * micro_precision * micro_recall, micro_precision + micro_recall)
    return precision, recall, f1, macro, np.array([micro_precision, micro_recall, micro_f1])
