"""Wrong: resamples without replacement, so every resample is a permutation of the data."""

import numpy as np


def bootstrap_ci(data, confidence=0.95, n_resamples=2000, seed=0):
    data = np.asarray(data, dtype=float)
    rng = np.random.default_rng(seed)
    means = np.array([rng.choice(data, size=data.size, replace=False).mean() for _ in range(n_resamples)])
    alpha = 1 - confidence
    return float(np.quantile(means, alpha / 2)), float(np.quantile(means, 1 - alpha / 2))
