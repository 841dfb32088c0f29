"""Wrong: eigendecomposes Xᵀ·X / (N − 1) without subtracting the column means."""

import numpy as np


def pca(X, k):
    cov = X.T @ X / (len(X) - 1)
    vals, vecs = np.linalg.eigh(cov)
    idx = np.argsort(vals)[::-1][:k]
    comps = vecs[:, idx].T
    for row in comps:
        row *= np.sign(row[np.argmax(np.abs(row))])
    return comps, vals[idx]
