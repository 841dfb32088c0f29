"""Wrong: returns the joint log-likelihood as the log posterior (no normalisation)."""

import numpy as np


def gaussian_naive_bayes(X_train, y_train, X_test, var_smoothing=1e-9):
    classes = np.unique(y_train)
    eps = var_smoothing * np.var(X_train, axis=0).max()
    joint = np.zeros((len(X_test), len(classes)))
    for k, c in enumerate(classes):
        Xc = X_train[y_train == c]
        mu, var = Xc.mean(0), Xc.var(0) + eps
        joint[:, k] = (np.log(len(Xc) / len(y_train)) - 0.5 * np.sum(np.log(2 * np.pi * var))
                       - 0.5 * np.sum((X_test - mu) ** 2 / var, axis=1))
    return joint, joint.copy(), classes[joint.argmax(1)]
