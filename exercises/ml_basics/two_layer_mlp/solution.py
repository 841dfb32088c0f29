"""Two-layer network loss and gradients — see README.md for the full statement."""

import numpy as np


def two_layer_mlp(
    X: np.ndarray, y: np.ndarray, W1: np.ndarray, b1: np.ndarray, W2: np.ndarray, b2: np.ndarray
) -> tuple[float, np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """affine – ReLU – affine – softmax cross-entropy; return (loss, dW1, db1, dW2, db2)."""
    raise NotImplementedError
