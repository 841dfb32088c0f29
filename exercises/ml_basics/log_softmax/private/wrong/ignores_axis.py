"""Wrong: always normalises over the last axis."""

import numpy as np


def log_softmax(x, axis=-1):
    shifted = x - x.max(axis=-1, keepdims=True)
    return shifted - np.log(np.exp(shifted).sum(axis=-1, keepdims=True))
