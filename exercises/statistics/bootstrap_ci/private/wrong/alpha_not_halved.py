"""Wrong: takes the (1 − confidence) and confidence quantiles, e.g. 5% and 95% for a 95% CI."""

import numpy as np


def bootstrap_ci(data, confidence=0.95, n_resamples=2000, seed=0):
    data = np.asarray(data, dtype=float)
    rng = np.random.default_rng(seed)
    means = rng.choice(data, size=(n_resamples, data.size), replace=True).mean(axis=1)
    low, high = np.quantile(means, [1 - confidence, confidence])
    return float(low), float(high)
