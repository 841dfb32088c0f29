"""Linear warm-up then cosine learning-rate schedule — see README.md for the full statement."""

import numpy as np


def warmup_cosine_schedule(base_lr: float, min_lr: float, warmup_steps: int, total_steps: int) -> np.ndarray:
    """Return the learning rate of each step s = 0 … total_steps − 1 (float64 array)."""
    raise NotImplementedError
