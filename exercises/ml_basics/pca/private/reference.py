"""Reference: PCA by eigendecomposition of the ddof=1 covariance of the centered data."""

import numpy as np


def pca(X: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
    centered = X - X.mean(axis=0)
    covariance = centered.T @ centered / (X.shape[0] - 1)
    values, vectors = np.linalg.eigh(covariance)
    order = np.argsort(values)[::-1][:k]
    components = vectors[:, order].T
    largest = np.argmax(np.abs(components), axis=1)
    components *= np.sign(components[np.arange(k), largest])[:, None]
    return components, values[order]
