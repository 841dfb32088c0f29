"""Reference: Monte Carlo permutation test of mean(a) − mean(b) with the statement's exact
random stream (one rng.permutation(n) per draw) and p = (count + 1)/(B + 1)."""

import numpy as np

RELATIVE_TOLERANCE = 1e-9


def permutation_test(
    a: np.ndarray, b: np.ndarray, n_permutations: int = 9999, seed: int = 0, alternative: str = "two-sided"
) -> tuple[float, float]:
    a, b = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
    pooled = np.concatenate([a, b])
    rng = np.random.default_rng(seed)
    shuffled = pooled[np.array([rng.permutation(pooled.size) for _ in range(n_permutations)])]
    null = shuffled[:, : a.size].mean(axis=1) - shuffled[:, a.size :].mean(axis=1)
    observed = a.mean() - b.mean()
    slack = RELATIVE_TOLERANCE * abs(observed)
    if alternative == "greater":
        count = np.count_nonzero(null >= observed - slack)
    elif alternative == "less":
        count = np.count_nonzero(null <= observed + slack)
    else:
        count = np.count_nonzero(np.abs(null) >= abs(observed) - slack)
    return float(observed), float((count + 1) / (n_permutations + 1))
