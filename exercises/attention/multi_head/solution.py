"""Multi-head attention — see README.md for the full statement."""

import numpy as np


def multi_head_attention(
    x: np.ndarray,
    w_q: np.ndarray,
    w_k: np.ndarray,
    w_v: np.ndarray,
    w_o: np.ndarray,
    num_heads: int,
    mask: np.ndarray | None = None,
) -> np.ndarray:
    """Project, split into heads, attend per head with 1/√d_head, concatenate, project with w_o."""
    raise NotImplementedError
