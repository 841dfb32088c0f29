"""Wrong: deduplicates the negative samples, so a word drawn twice counts once."""

import numpy as np


def sigmoid(x):
    return 1 / (1 + np.exp(-x))


def skipgram_negative_sampling(center_vec, outside_idx, outside_vectors, negative_indices):
    negatives = np.unique(negative_indices)
    u_o = outside_vectors[outside_idx]
    s_o = sigmoid(u_o @ center_vec)
    loss = -np.log(s_o)
    grad_center = (s_o - 1) * u_o
    grad_outside = np.zeros_like(outside_vectors)
    grad_outside[outside_idx] += (s_o - 1) * center_vec
    for k in negatives:
        s_k = sigmoid(-outside_vectors[k] @ center_vec)
        loss -= np.log(s_k)
        grad_center += (1 - s_k) * outside_vectors[k]
        grad_outside[k] += (1 - s_k) * center_vec
    return float(loss), grad_center, grad_outside
