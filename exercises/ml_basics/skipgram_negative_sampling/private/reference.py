"""Reference: skip-gram negative-sampling loss, gradients accumulated with np.add.at."""

import numpy as np


def skipgram_negative_sampling(
    center_vec: np.ndarray, outside_idx: int, outside_vectors: np.ndarray, negative_indices: np.ndarray
) -> tuple[float, np.ndarray, np.ndarray]:
    u_outside = outside_vectors[outside_idx]
    u_negative = outside_vectors[negative_indices]
    positive_score = u_outside @ center_vec
    negative_scores = u_negative @ center_vec
    loss = np.logaddexp(0.0, -positive_score) + np.logaddexp(0.0, negative_scores).sum()
    positive_error = 1.0 / (1.0 + np.exp(-positive_score)) - 1.0  # σ(u_o·v_c) − 1
    negative_weights = 1.0 / (1.0 + np.exp(-negative_scores))  # σ(u_k·v_c)
    grad_center = positive_error * u_outside + negative_weights @ u_negative
    grad_outside = np.zeros_like(outside_vectors)
    grad_outside[outside_idx] = positive_error * center_vec
    np.add.at(grad_outside, negative_indices, negative_weights[:, None] * center_vec)
    return float(loss), grad_center, grad_outside
