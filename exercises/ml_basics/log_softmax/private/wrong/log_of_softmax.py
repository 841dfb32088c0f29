"""Wrong: a stable softmax followed by log (−inf where a probability underflows)."""

import numpy as np


def log_softmax(x, axis=-1):
    e = np.exp(x - x.max(axis=axis, keepdims=True))
    with np.errstate(divide="ignore"):
        return np.log(e / e.sum(axis=axis, keepdims=True))
