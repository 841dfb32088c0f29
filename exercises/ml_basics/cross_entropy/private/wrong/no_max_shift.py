"""Wrong: log(sum(exp(logits))) on the raw logits (overflows near 1000)."""

import numpy as np


def cross_entropy(logits, targets):
    with np.errstate(all="ignore"):
        lse = np.log(np.exp(logits).sum(axis=1))
        return float(np.mean(lse - logits[np.arange(len(targets)), targets]))
