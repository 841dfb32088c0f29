"""Reference: per component, a Cholesky factor gives the Mahalanobis terms and log|Σ|; the
log-weighted log-densities are normalised per point by a max-shifted log-sum-exp."""

import numpy as np


def gmm_e_step(
    X: np.ndarray, weights: np.ndarray, means: np.ndarray, covariances: np.ndarray
) -> tuple[np.ndarray, float]:
    n, d = X.shape
    log_joint = np.empty((n, len(weights)))
    for k in range(len(weights)):
        chol = np.linalg.cholesky(covariances[k])
        z = np.linalg.solve(chol, (X - means[k]).T)  # L⁻¹(x − μ): its squared norm is the Mahalanobis term
        log_det = 2.0 * np.log(np.diag(chol)).sum()
        log_joint[:, k] = np.log(weights[k]) - 0.5 * (d * np.log(2.0 * np.pi) + log_det + (z**2).sum(axis=0))
    top = log_joint.max(axis=1, keepdims=True)
    log_evidence = top + np.log(np.exp(log_joint - top).sum(axis=1, keepdims=True))
    return np.exp(log_joint - log_evidence), float(log_evidence.sum())
