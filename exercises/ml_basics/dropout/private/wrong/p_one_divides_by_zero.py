"""Wrong: no special case for p = 1, so the scaling divides by zero."""

import numpy as np


def dropout(x, mask, p, training=True):
    if not training:
        return x
    with np.errstate(all="ignore"):
        return x * mask / (1 - p)
