"""Wrong: divides cluster sums by cluster sizes, so an empty cluster becomes 0/0 = NaN."""

import numpy as np


def kmeans_step(X, centroids):
    k = len(centroids)
    d = ((X[:, None, :] - centroids[None]) ** 2).sum(-1)
    labels = np.argmin(d, axis=1)
    sums = np.zeros_like(centroids)
    np.add.at(sums, labels, X)
    counts = np.bincount(labels, minlength=k)
    with np.errstate(invalid="ignore"):
        return labels, sums / counts[:, None]
