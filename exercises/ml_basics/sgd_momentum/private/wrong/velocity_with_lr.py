"""Wrong: the classic velocity form, with the learning rate inside the buffer (v = μv − lr·g)."""

import numpy as np


def sgd_momentum(param, grads, lrs, momentum, weight_decay=0.0, nesterov=False):
    p = param.copy()
    v = np.zeros_like(p)
    out = []
    for g, lr in zip(grads, lrs, strict=True):
        g = g + weight_decay * p
        v = momentum * v - lr * g
        p = p + (momentum * v - lr * g if nesterov else v)
        out.append(p.copy())
    return np.array(out)
