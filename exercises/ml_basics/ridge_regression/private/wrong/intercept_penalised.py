"""Wrong: appends a column of ones and penalises the whole augmented vector, intercept included."""

import numpy as np


def ridge_regression(X, y, lam):
    A = np.hstack([X, np.ones((X.shape[0], 1))])
    theta = np.linalg.solve(A.T @ A + lam * np.eye(A.shape[1]), A.T @ y)
    return theta[:-1], float(theta[-1])
