"""Two-sample permutation test of a difference in means — see README.md for the full statement."""

import numpy as np


def permutation_test(
    a: np.ndarray, b: np.ndarray, n_permutations: int = 9999, seed: int = 0, alternative: str = "two-sided"
) -> tuple[float, float]:
    """Return (statistic, p_value): mean(a) − mean(b) and its Monte Carlo permutation p-value."""
    raise NotImplementedError
