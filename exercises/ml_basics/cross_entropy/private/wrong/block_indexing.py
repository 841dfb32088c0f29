"""Wrong: logits[:, targets] selects an N×N block instead of one entry per row."""

import numpy as np


def cross_entropy(logits, targets):
    m = logits.max(axis=1, keepdims=True)
    log_probs = logits - m - np.log(np.exp(logits - m).sum(axis=1, keepdims=True))
    return float(-np.mean(log_probs[:, targets]))
