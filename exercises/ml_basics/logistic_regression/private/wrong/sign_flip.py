"""Wrong: gradient with the sign flipped (label minus prediction)."""

import numpy as np


def logistic_loss_and_grad(w, b, X, y):
    z = X @ w + b
    p = 0.5 * (1 + np.tanh(z / 2))
    loss = np.mean(np.maximum(z, 0) + np.log1p(np.exp(-np.abs(z))) - y * z)
    return float(loss), X.T @ (y - p) / len(y), float(np.mean(y - p))
