"""Wrong: bias-corrects m and v in place and returns the corrected values as the new state."""

import numpy as np


def adam_step(param, grad, m, v, t, lr=1e-3, beta1=0.9, beta2=0.999, eps=1e-8):
    m = (beta1 * m + (1 - beta1) * grad) / (1 - beta1**t)
    v = (beta2 * v + (1 - beta2) * grad * grad) / (1 - beta2**t)
    return param - lr * m / (np.sqrt(v) + eps), m, v
