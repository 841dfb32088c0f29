"""Wrong: returns the mean log-likelihood over the points."""

import numpy as np


def gmm_e_step(X, weights, means, covariances):
    n, d = X.shape
    k = len(weights)
    log_p = np.zeros((n, k))
    for j in range(k):
        diff = X - means[j]
        maha = np.einsum("ni,ij,nj->n", diff, np.linalg.inv(covariances[j]), diff)
        _, logdet = np.linalg.slogdet(covariances[j])
        log_p[:, j] = np.log(weights[j]) - 0.5 * d * np.log(2 * np.pi) - 0.5 * logdet - 0.5 * maha
    m = log_p.max(axis=1, keepdims=True)
    lse = m + np.log(np.sum(np.exp(log_p - m), axis=1, keepdims=True))
    return np.exp(log_p - lse), float(np.mean(lse))
