"""Wrong: cosines in the even columns, sines in the odd ones."""

import numpy as np


def sinusoidal_encoding(positions, d_model, base=10000.0):
    pe = np.zeros((len(positions), d_model))
    pos = np.asarray(positions, dtype=float)[:, None]
    div = np.exp(np.arange(0, d_model, 2) * (-np.log(base) / d_model))
    pe[:, 0::2] = np.cos(pos * div)
    pe[:, 1::2] = np.sin(pos * div[: d_model // 2])
    return pe
