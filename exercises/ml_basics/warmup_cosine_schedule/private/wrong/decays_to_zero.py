"""Wrong: the cosine decays to 0, ignoring min_lr."""

import numpy as np


def warmup_cosine_schedule(base_lr, min_lr, warmup_steps, total_steps):
    s = np.arange(total_steps, dtype=float)
    with np.errstate(divide="ignore", invalid="ignore"):
        warm = base_lr * (s + 1) / warmup_steps
    progress = (s - warmup_steps) / max(total_steps - warmup_steps, 1)
    return np.where(s < warmup_steps, warm, base_lr * 0.5 * (1 + np.cos(np.pi * progress)))
