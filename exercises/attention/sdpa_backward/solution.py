"""Backward pass of scaled dot-product attention — see README.md for the full statement."""

import numpy as np


def sdpa_backward(
    q: np.ndarray,
    k: np.ndarray,
    v: np.ndarray,
    grad_out: np.ndarray,
    mask: np.ndarray | None = None,
    is_causal: bool = False,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Gradients (dq, dk, dv) of softmax(q kᵀ/√d) v given ∂loss/∂out = grad_out."""
    raise NotImplementedError
