"""Wrong: drops units but never rescales the kept ones."""

import numpy as np


def dropout(x, mask, p, training=True):
    if not training:
        return x
    if p == 1:
        return np.zeros_like(x)
    return x * mask
