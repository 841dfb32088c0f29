"""Wrong: all sines in the first half of the columns, all cosines in the second half."""

import numpy as np


def sinusoidal_encoding(positions, d_model, base=10000.0):
    pairs = (d_model + 1) // 2
    freq = 1.0 / base ** (2 * np.arange(pairs) / d_model)
    angles = np.outer(positions, freq)
    return np.concatenate([np.sin(angles), np.cos(angles)], axis=1)[:, :d_model]
