"""Wrong: applies weight decay after the momentum buffer, so it never accumulates in it."""

import numpy as np


def sgd_momentum(param, grads, lrs, momentum, weight_decay=0.0, nesterov=False):
    p = param.copy()
    buf = None
    out = []
    for g, lr in zip(grads, lrs, strict=True):
        buf = g.copy() if buf is None else momentum * buf + g
        d = g + momentum * buf if nesterov else buf
        p = p - lr * (d + weight_decay * p)
        out.append(p)
    return np.array(out)
