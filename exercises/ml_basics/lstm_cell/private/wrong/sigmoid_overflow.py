"""Wrong: sigmoid written as e^z / (1 + e^z), which is inf/inf = NaN once e^z overflows."""

import numpy as np


def sigmoid(z):
    e = np.exp(z)
    return e / (1 + e)


def lstm_cell(x, h, c, W_ih, W_hh, b_ih, b_hh):
    H = h.shape[1]
    a = x @ W_ih.T + h @ W_hh.T + b_ih + b_hh
    i, f, g, o = sigmoid(a[:, :H]), sigmoid(a[:, H:2 * H]), np.tanh(a[:, 2 * H:3 * H]), sigmoid(a[:, 3 * H:])
    c_next = f * c + i * g
    return o * np.tanh(c_next), c_next
