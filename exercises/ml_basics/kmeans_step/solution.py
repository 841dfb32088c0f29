"""One k-means (Lloyd) step — see README.md for the full statement."""

import numpy as np


def kmeans_step(X: np.ndarray, centroids: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Assign points to the nearest centroid (ties: lowest index), then recompute the means."""
    raise NotImplementedError
