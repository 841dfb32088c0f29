"""Rotary position embeddings — see README.md for the full statement."""

import numpy as np


def rotary_embedding(
    q: np.ndarray,
    k: np.ndarray,
    positions: np.ndarray,
    base: float = 10000.0,
    interleaved: bool = False,
) -> tuple[np.ndarray, np.ndarray]:
    """Rotate each feature pair of q and k by positions[t] · base^(−2i/d); return (q_rot, k_rot)."""
    raise NotImplementedError
