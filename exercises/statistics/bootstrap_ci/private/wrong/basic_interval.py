"""Wrong: the basic (reverse-percentile) interval 2·mean − quantiles instead of the percentile one."""

import numpy as np


def bootstrap_ci(data, confidence=0.95, n_resamples=2000, seed=0):
    data = np.asarray(data, dtype=float)
    rng = np.random.default_rng(seed)
    means = rng.choice(data, size=(n_resamples, data.size), replace=True).mean(axis=1)
    alpha = 1 - confidence
    q_low, q_high = np.quantile(means, [alpha / 2, 1 - alpha / 2])
    return float(2 * data.mean() - q_high), float(2 * data.mean() - q_low)
