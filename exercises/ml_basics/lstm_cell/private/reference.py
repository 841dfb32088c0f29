"""Reference: one matrix product per weight, the 4H pre-activations split in PyTorch's order
(input, forget, cell candidate, output), a sigmoid that never overflows."""

import numpy as np


def _sigmoid(z: np.ndarray) -> np.ndarray:
    e = np.exp(-np.abs(z))  # in (0, 1]: no overflow whatever the sign of z
    return np.where(z >= 0, 1.0 / (1.0 + e), e / (1.0 + e))


def lstm_cell(
    x: np.ndarray, h: np.ndarray, c: np.ndarray,
    W_ih: np.ndarray, W_hh: np.ndarray, b_ih: np.ndarray, b_hh: np.ndarray,
) -> tuple[np.ndarray, np.ndarray]:
    hidden = h.shape[1]
    gates = x @ W_ih.T + b_ih + h @ W_hh.T + b_hh
    i = _sigmoid(gates[:, :hidden])
    f = _sigmoid(gates[:, hidden : 2 * hidden])
    g = np.tanh(gates[:, 2 * hidden : 3 * hidden])
    o = _sigmoid(gates[:, 3 * hidden :])
    c_new = f * c + i * g
    return o * np.tanh(c_new), c_new
