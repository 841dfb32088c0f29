"""Wrong: the two-sided test counts only permuted differences at least as large as the observed one
(the upper tail), without absolute values."""

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
        if alternative == "less":
            count += d <= observed + tol
        else:
            count += d >= observed - tol
    return float(observed), float((count + 1) / (n_permutations + 1))
