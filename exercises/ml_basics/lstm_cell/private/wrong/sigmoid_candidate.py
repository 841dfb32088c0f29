"""Wrong: the cell candidate goes through the sigmoid like the gates."""

import numpy as np


def sigmoid(z):
    return 0.5 * (1 + np.tanh(0.5 * z))


def lstm_cell(x, h, c, W_ih, W_hh, b_ih, b_hh):
    H = h.shape[1]
    a = sigmoid(x @ W_ih.T + h @ W_hh.T + b_ih + b_hh)
    i, f, g, o = a[:, :H], a[:, H:2 * H], a[:, 2 * H:3 * H], a[:, 3 * H:]
    c_next = f * c + i * g
    return o * np.tanh(c_next), c_next
