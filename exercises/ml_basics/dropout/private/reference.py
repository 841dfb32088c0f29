"""Reference: inverted dropout with a given keep mask (p = drop probability)."""

import numpy as np


def dropout(x: np.ndarray, mask: np.ndarray, p: float, training: bool = True) -> np.ndarray:
    if not training:
        return x.copy()
    if p == 1:
        return np.zeros_like(x)
    return np.where(mask, x / (1 - p), 0.0)
