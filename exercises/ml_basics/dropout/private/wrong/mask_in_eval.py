"""Wrong: applies the mask and the scaling whatever the mode."""

import numpy as np


def dropout(x, mask, p, training=True):
    if p == 1:
        return np.zeros_like(x)
    return x * mask / (1 - p)
