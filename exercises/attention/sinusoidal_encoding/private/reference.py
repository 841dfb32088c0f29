"""Reference: the Transformer's sinusoidal encoding (interleaved sin/cos, pair frequency base^(−2i/d))."""

import numpy as np


def sinusoidal_encoding(positions, d_model, base=10000.0):
    column = np.arange(d_model)
    angles = np.asarray(positions, dtype=np.float64)[:, None] / base ** ((column - column % 2) / d_model)
    return np.where(column % 2 == 0, np.sin(angles), np.cos(angles))
