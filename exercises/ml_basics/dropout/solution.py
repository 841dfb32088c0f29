"""Inverted dropout with a given mask — see README.md for the full statement."""

import numpy as np


def dropout(x: np.ndarray, mask: np.ndarray, p: float, training: bool = True) -> np.ndarray:
    """x · mask / (1 − p) in training (zeros when p = 1); x unchanged in eval mode."""
    raise NotImplementedError
