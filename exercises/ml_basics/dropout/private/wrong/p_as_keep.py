"""Wrong: scales by 1/p, reading p as the keep probability."""

import numpy as np


def dropout(x, mask, p, training=True):
    if not training:
        return x
    if p == 0:
        return np.zeros_like(x)
    return x * mask / p
