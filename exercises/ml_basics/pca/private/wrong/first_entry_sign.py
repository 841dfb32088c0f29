"""Wrong: makes the first entry of each component positive."""

import numpy as np


def pca(X, k):
    Xc = X - X.mean(axis=0)
    vals, vecs = np.linalg.eigh(np.cov(Xc, rowvar=False))
    idx = np.argsort(vals)[::-1][:k]
    comps = vecs[:, idx].T
    comps *= np.where(comps[:, :1] < 0, -1.0, 1.0)
    return comps, vals[idx]
