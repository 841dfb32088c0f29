"""Wrong: stretches the cosine to reach min_lr on the last step, (s − W)/(T − W − 1)."""

import math

import numpy as np


def warmup_cosine_schedule(base_lr, min_lr, warmup_steps, total_steps):
    out = []
    for s in range(total_steps):
        if s < warmup_steps:
            out.append(base_lr * (s + 1) / warmup_steps)
        else:
            progress = (s - warmup_steps) / max(total_steps - warmup_steps - 1, 1)
            out.append(min_lr + (base_lr - min_lr) * 0.5 * (1 + math.cos(math.pi * progress)))
    return np.array(out)
