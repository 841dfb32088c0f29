"""Wrong: guards the division with max(count, 1), so an empty cluster moves to the origin."""

import numpy as np


def kmeans_step(X, centroids):
    k = len(centroids)
    d = ((X[:, None, :] - centroids[None]) ** 2).sum(-1)
    labels = np.argmin(d, axis=1)
    sums = np.zeros_like(centroids)
    np.add.at(sums, labels, X)
    counts = np.bincount(labels, minlength=k)
    return labels, sums / np.maximum(counts, 1)[:, None]
