"""Reference: ridge by centring (the intercept drops out of the penalised problem)."""

import numpy as np


def ridge_regression(X: np.ndarray, y: np.ndarray, lam: float) -> tuple[np.ndarray, float]:
    x_mean, y_mean = X.mean(axis=0), y.mean()
    Xc = X - x_mean
    gram = Xc.T @ Xc + lam * np.eye(X.shape[1])
    w = np.linalg.solve(gram, Xc.T @ (y - y_mean))
    return w, float(y_mean - x_mean @ w)
