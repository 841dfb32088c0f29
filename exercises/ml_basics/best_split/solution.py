"""Best decision-tree split — see README.md for the full statement."""

import numpy as np


def best_split(X: np.ndarray, y: np.ndarray, criterion: str = "gini") -> tuple[int, float, float]:
    """Return (feature, threshold, weighted child impurity) of the best split (left: X[:, j] <= t)."""
    raise NotImplementedError
