"""Wrong: covariance with ddof=0 (divides by N)."""

import numpy as np


def pca(X, k):
    Xc = X - X.mean(axis=0)
    vals, vecs = np.linalg.eigh(Xc.T @ Xc / len(X))
    idx = np.argsort(vals)[::-1][:k]
    comps = vecs[:, idx].T
    for row in comps:
        row *= np.sign(row[np.argmax(np.abs(row))])
    return comps, vals[idx]
