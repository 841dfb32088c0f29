"""Wrong: p = count / B, without the +1 for the observed arrangement."""

import numpy as np


def permutation_test(a, b, n_permutations=9999, seed=0, alternative="two-sided"):
    rng = np.random.default_rng(seed)
    pooled = np.concatenate([a, b])
    observed = np.mean(a) - np.mean(b)
    tol = 1e-9 * abs(observed)
    count = 0
    for _ in range(n_permutations):
        p = pooled[rng.permutation(len(pooled))]
        d = p[: len(a)].mean() - p[len(a):].mean()
        if alternative == "greater":
            count += d >= observed - tol
        elif alternative == "less":
            count += d <= observed + tol
        else:
            count += abs(d) >= abs(observed) - tol
    return float(observed), float(count / n_permutations)
