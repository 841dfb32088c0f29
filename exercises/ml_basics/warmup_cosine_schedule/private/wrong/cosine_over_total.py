"""Wrong: the cosine phase is taken over all T steps (s/T) instead of the steps after the warm-up."""

import numpy as np


def warmup_cosine_schedule(base_lr, min_lr, warmup_steps, total_steps):
    s = np.arange(total_steps, dtype=float)
    with np.errstate(divide="ignore", invalid="ignore"):
        warm = base_lr * (s + 1) / warmup_steps
    cosine = min_lr + (base_lr - min_lr) * 0.5 * (1 + np.cos(np.pi * s / total_steps))
    return np.where(s < warmup_steps, warm, cosine)
