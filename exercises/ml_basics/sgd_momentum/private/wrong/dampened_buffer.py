"""Wrong: an exponential moving average as the buffer (dampening = momentum)."""

import numpy as np


def sgd_momentum(param, grads, lrs, momentum, weight_decay=0.0, nesterov=False):
    p = param.copy()
    buf = None
    out = []
    for g, lr in zip(grads, lrs, strict=True):
        g = g + weight_decay * p
        buf = g.copy() if buf is None else momentum * buf + (1 - momentum) * g
        d = g + momentum * buf if nesterov else buf
        p = p - lr * d
        out.append(p)
    return np.array(out)
