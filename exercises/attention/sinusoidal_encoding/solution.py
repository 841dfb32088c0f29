"""Sinusoidal positional encoding — see README.md for the full statement."""

import numpy as np


def sinusoidal_encoding(positions: np.ndarray, d_model: int, base: float = 10000.0) -> np.ndarray:
    """(L, d_model): sin in even columns, cos in odd columns, pair i at frequency base^(−2i/d_model)."""
    raise NotImplementedError
