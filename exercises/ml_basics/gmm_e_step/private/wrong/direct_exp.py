"""Wrong: computes each density with exp, then normalises the densities."""

import numpy as np


def gmm_e_step(X, weights, means, covariances):
    n, d = X.shape
    dens = np.zeros((n, len(weights)))
    for k in range(len(weights)):
        diff = X - means[k]
        inv = np.linalg.inv(covariances[k])
        norm = 1.0 / np.sqrt((2 * np.pi) ** d * np.linalg.det(covariances[k]))
        dens[:, k] = weights[k] * norm * np.exp(-0.5 * np.sum(diff @ inv * diff, axis=1))
    total = dens.sum(axis=1, keepdims=True)
    with np.errstate(divide="ignore", invalid="ignore"):
        return dens / total, float(np.sum(np.log(total)))
