"""Wrong: the exponent of column j is j / d_model, so cosine columns get (2i + 1) / d_model."""

import numpy as np


def sinusoidal_encoding(positions, d_model, base=10000.0):
    pe = np.zeros((len(positions), d_model))
    for t, pos in enumerate(positions):
        for j in range(d_model):
            angle = pos / base ** (j / d_model)
            pe[t, j] = np.sin(angle) if j % 2 == 0 else np.cos(angle)
    return pe
