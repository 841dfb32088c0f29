"""Reference: linear warm-up (base·(s+1)/W) then half a cosine from base_lr to min_lr over T − W steps."""

import math

import numpy as np


def warmup_cosine_schedule(base_lr: float, min_lr: float, warmup_steps: int, total_steps: int) -> np.ndarray:
    lrs = np.empty(total_steps)
    for step in range(total_steps):
        if step < warmup_steps:
            lrs[step] = base_lr * (step + 1) / warmup_steps
        else:
            progress = (step - warmup_steps) / (total_steps - warmup_steps)
            lrs[step] = min_lr + (base_lr - min_lr) * 0.5 * (1 + math.cos(math.pi * progress))
    return lrs
