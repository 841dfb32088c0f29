"""Wrong: normalises each component's log-densities over the points (axis 0)."""

import numpy as np


def gmm_e_step(X, weights, means, covariances):
    n, d = X.shape
    log_p = np.zeros((n, len(weights)))
    for k in range(len(weights)):
        L = np.linalg.cholesky(covariances[k])
        z = np.linalg.solve(L, (X - means[k]).T)
        log_p[:, k] = (np.log(weights[k]) - 0.5 * d * np.log(2 * np.pi) - np.sum(np.log(np.diag(L)))
                       - 0.5 * np.sum(z**2, axis=0))
    m_row = log_p.max(axis=1, keepdims=True)
    log_lik = float(np.sum(m_row + np.log(np.exp(log_p - m_row).sum(axis=1, keepdims=True))))
    m = log_p.max(axis=0, keepdims=True)
    lse = m + np.log(np.sum(np.exp(log_p - m), axis=0, keepdims=True))
    return np.exp(log_p - lse), log_lik
