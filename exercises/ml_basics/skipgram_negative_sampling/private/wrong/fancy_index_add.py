"""Wrong: `grad[neg] += …` with fancy indexing keeps one contribution of a repeated negative."""

import numpy as np


def sigmoid(x):
    return 1 / (1 + np.exp(-x))


def skipgram_negative_sampling(center_vec, outside_idx, outside_vectors, negative_indices):
    u_o = outside_vectors[outside_idx]
    u_k = outside_vectors[negative_indices]
    s_o = sigmoid(u_o @ center_vec)
    s_k = sigmoid(-(u_k @ center_vec))
    loss = -np.log(s_o) - np.sum(np.log(s_k))
    grad_center = (s_o - 1) * u_o + (1 - s_k) @ u_k
    grad_outside = np.zeros_like(outside_vectors)
    grad_outside[outside_idx] += (s_o - 1) * center_vec
    grad_outside[negative_indices] += np.outer(1 - s_k, center_vec)
    return float(loss), grad_center, grad_outside
