"""Wrong: votes with np.unique(..., return_inverse=True) and returns the index of the winning
label in the sorted label set instead of the label itself."""

import numpy as np


def knn_predict(X_train, y_train, X_test, k):
    classes, codes = np.unique(y_train, return_inverse=True)
    d = ((X_test[:, None, :] - X_train[None, :, :]) ** 2).sum(-1)
    nearest = np.argsort(d, axis=1, kind="stable")[:, :k]
    return np.array([np.bincount(codes[row], minlength=len(classes)).argmax() for row in nearest])
