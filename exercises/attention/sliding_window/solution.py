"""Sliding-window causal attention — see README.md for the full statement."""

import numpy as np


def sliding_window_attention(q: np.ndarray, k: np.ndarray, v: np.ndarray, window: int) -> np.ndarray:
    """Causal attention where query i sees only keys i − window < j ≤ i."""
    raise NotImplementedError
