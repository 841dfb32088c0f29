"""Wrong: keeps eigh's ascending order, so it returns the k SMALLEST components."""

import numpy as np


def pca(X, k):
    Xc = X - X.mean(axis=0)
    vals, vecs = np.linalg.eigh(np.cov(Xc, rowvar=False))
    comps = vecs[:, :k].T
    for row in comps:
        row *= np.sign(row[np.argmax(np.abs(row))])
    return comps, vals[:k]
