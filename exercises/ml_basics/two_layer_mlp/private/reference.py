"""Reference: forward and backward pass of affine – ReLU – affine – softmax cross-entropy."""

import numpy as np


def two_layer_mlp(
    X: np.ndarray, y: np.ndarray, W1: np.ndarray, b1: np.ndarray, W2: np.ndarray, b2: np.ndarray
) -> tuple[float, np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    n = X.shape[0]
    rows = np.arange(n)
    hidden_in = X @ W1 + b1
    hidden = np.maximum(hidden_in, 0.0)
    scores = hidden @ W2 + b2
    shifted = scores - scores.max(axis=1, keepdims=True)
    log_probs = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
    loss = -log_probs[rows, y].mean()
    dscores = np.exp(log_probs)
    dscores[rows, y] -= 1.0
    dscores /= n
    dhidden_in = (dscores @ W2.T) * (hidden_in > 0)
    return (float(loss), X.T @ dhidden_in, dhidden_in.sum(axis=0), hidden.T @ dscores, dscores.sum(axis=0))
