"""Wrong: scores the negatives with σ(u_k·v_c) instead of σ(−u_k·v_c) (and differentiates that)."""

import numpy as np


def sigmoid(x):
    return 1 / (1 + np.exp(-x))


def skipgram_negative_sampling(center_vec, outside_idx, outside_vectors, negative_indices):
    u_o = outside_vectors[outside_idx]
    s_o = sigmoid(u_o @ center_vec)
    loss = -np.log(s_o)
    grad_center = (s_o - 1) * u_o
    grad_outside = np.zeros_like(outside_vectors)
    grad_outside[outside_idx] += (s_o - 1) * center_vec
    for k in negative_indices:
        s_k = sigmoid(outside_vectors[k] @ center_vec)
        loss -= np.log(s_k)
        grad_center += (s_k - 1) * outside_vectors[k]
        grad_outside[k] += (s_k - 1) * center_vec
    return float(loss), grad_center, grad_outside
