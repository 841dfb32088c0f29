"""Reference: percentile bootstrap CI of the mean.

The checker grades endpoints by their position in the bootstrap distribution, so the reference
approximates the exact bootstrap quantiles: it ignores `n_resamples` and always draws
REFERENCE_RESAMPLES resamples (100× more than a candidate's default 2000).
"""

import numpy as np

REFERENCE_RESAMPLES = 200_000
CHUNK = 10_000


def bootstrap_means(data: np.ndarray, seed: int = 0) -> np.ndarray:
    """Means of REFERENCE_RESAMPLES resamples of DATA drawn with replacement."""
    data = np.asarray(data, dtype=float)
    rng = np.random.default_rng(seed)
    return np.concatenate([
        data[rng.integers(0, data.size, size=(CHUNK, data.size))].mean(axis=1)
        for _ in range(REFERENCE_RESAMPLES // CHUNK)
    ])


def bootstrap_ci(
    data: np.ndarray, confidence: float = 0.95, n_resamples: int = 2000, seed: int = 0
) -> tuple[float, float]:
    tail = (1.0 - confidence) / 2.0
    low, high = np.quantile(bootstrap_means(data, seed), [tail, 1.0 - tail])
    return float(low), float(high)
