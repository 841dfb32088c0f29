"""Numerically stable softmax — see README.md for the full statement."""

import numpy as np


def softmax(x: np.ndarray, axis: int = -1) -> np.ndarray:
    """exp(x) / sum(exp(x)) along `axis`, stable for logits around ±1000."""
    raise NotImplementedError
