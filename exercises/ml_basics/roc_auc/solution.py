"""ROC AUC with tied scores — see README.md for the full statement."""

import numpy as np


def roc_auc(y_true: np.ndarray, scores: np.ndarray) -> float:
    """Area under the ROC curve (a positive–negative tie counts ½); nan when one class is absent."""
    raise NotImplementedError
