"""Wrong: the normal equations of least squares, without the lam·I term."""

import numpy as np


def ridge_regression(X, y, lam):
    A = np.hstack([np.ones((X.shape[0], 1)), X])
    theta = np.linalg.lstsq(A, y, rcond=None)[0]
    return theta[1:], float(theta[0])
