"""Wrong: an off-by-one slice lets k + 1 neighbours vote."""

import numpy as np


def knn_predict(X_train, y_train, X_test, k):
    d = np.sqrt(((X_test[:, None, :] - X_train[None, :, :]) ** 2).sum(-1))
    nearest = np.argsort(d, axis=1, kind="stable")[:, : k + 1]
    return np.array([np.bincount(y_train[row]).argmax() for row in nearest])
