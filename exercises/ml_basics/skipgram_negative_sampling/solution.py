"""word2vec skip-gram negative-sampling loss and gradients — see README.md for the full statement."""

import numpy as np


def skipgram_negative_sampling(
    center_vec: np.ndarray, outside_idx: int, outside_vectors: np.ndarray, negative_indices: np.ndarray
) -> tuple[float, np.ndarray, np.ndarray]:
    """−log σ(u_o·v_c) − Σ_k log σ(−u_k·v_c); return (loss, grad_center, grad_outside)."""
    raise NotImplementedError
