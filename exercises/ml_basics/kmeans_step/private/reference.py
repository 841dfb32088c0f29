"""Reference: one Lloyd step; ties to the lowest index, empty clusters keep their centroid."""

import numpy as np


def kmeans_step(X: np.ndarray, centroids: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    distances = ((X[:, None, :] - centroids[None, :, :]) ** 2).sum(axis=2)
    labels = np.argmin(distances, axis=1)
    new_centroids = centroids.astype(np.float64, copy=True)
    for k in range(len(centroids)):
        members = labels == k
        if members.any():
            new_centroids[k] = X[members].mean(axis=0)
    return labels.astype(np.int64), new_centroids
