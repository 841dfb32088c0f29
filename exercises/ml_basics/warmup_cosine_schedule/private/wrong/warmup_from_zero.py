"""Wrong: warm-up from 0 (base·s/W), so step 0 has no learning rate and the peak comes one step late."""

import numpy as np


def warmup_cosine_schedule(base_lr, min_lr, warmup_steps, total_steps):
    s = np.arange(total_steps, dtype=float)
    with np.errstate(divide="ignore", invalid="ignore"):
        warm = base_lr * s / warmup_steps
    progress = (s - warmup_steps) / max(total_steps - warmup_steps, 1)
    cosine = min_lr + (base_lr - min_lr) * 0.5 * (1 + np.cos(np.pi * progress))
    return np.where(s < warmup_steps, warm, cosine)
