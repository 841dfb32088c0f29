"""Wrong: the two-sided p-value as twice the smaller one-sided p-value (capped at 1)."""

import numpy as np


def permutation_test(a, b, n_permutations=9999, seed=0, alternative="two-sided"):
    rng = np.random.default_rng(seed)
    pooled = np.concatenate([a, b])
    observed = np.mean(a) - np.mean(b)
    tol = 1e-9 * abs(observed)
    null = np.empty(n_permutations)
    for i in range(n_permutations):
        p = pooled[rng.permutation(len(pooled))]
        null[i] = p[: len(a)].mean() - p[len(a):].mean()
    greater = (np.sum(null >= observed - tol) + 1) / (n_permutations + 1)
    less = (np.sum(null <= observed + tol) + 1) / (n_permutations + 1)
    if alternative == "greater":
        return float(observed), float(greater)
    if alternative == "less":
        return float(observed), float(less)
    return float(observed), float(min(1.0, 2 * min(greater, less)))
