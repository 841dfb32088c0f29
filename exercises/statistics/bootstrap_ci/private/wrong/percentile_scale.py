"""Wrong: passes quantile levels (0.025, 0.975) to np.percentile, which expects 0–100."""

import numpy as np


def bootstrap_ci(data, confidence=0.95, n_resamples=2000, seed=0):
    data = np.asarray(data, dtype=float)
    rng = np.random.default_rng(seed)
    means = rng.choice(data, size=(n_resamples, data.size), replace=True).mean(axis=1)
    alpha = 1 - confidence
    low, high = np.percentile(means, [alpha / 2, 1 - alpha / 2])
    return float(low), float(high)
