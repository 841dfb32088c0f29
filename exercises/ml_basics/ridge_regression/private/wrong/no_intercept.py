"""Wrong: fits a line through the origin (no centring, no column of ones), b = 0."""

import numpy as np


def ridge_regression(X, y, lam):
    w = np.linalg.solve(X.T @ X + lam * np.eye(X.shape[1]), X.T @ y)
    return w, 0.0
