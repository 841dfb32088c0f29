"""Reference: torch.optim.SGD's update (dampening 0), step by step over the given gradients."""

import numpy as np


def sgd_momentum(
    param: np.ndarray,
    grads: np.ndarray,
    lrs: np.ndarray,
    momentum: float,
    weight_decay: float = 0.0,
    nesterov: bool = False,
) -> np.ndarray:
    p = param  # rebound below, never written in place
    buf = np.zeros_like(p)
    params = np.empty((len(lrs), *p.shape))
    for t in range(len(lrs)):
        g = grads[t] + weight_decay * p
        buf = momentum * buf + g  # the first step gives buf = g, as torch's clone
        p = p - lrs[t] * (g + momentum * buf if nesterov else buf)
        params[t] = p
    return params
