"""Reference: pooled two-proportion z-test (statsmodels proportions_ztest semantics)."""

import math

from scipy.stats import norm


def two_proportion_z_test(
    successes_a: int, n_a: int, successes_b: int, n_b: int, alternative: str = "two-sided"
) -> tuple[float, float]:
    pooled = (successes_a + successes_b) / (n_a + n_b)
    se = math.sqrt(pooled * (1.0 - pooled) * (1.0 / n_a + 1.0 / n_b))
    z = (successes_a / n_a - successes_b / n_b) / se if se > 0 else 0.0
    if alternative == "less":
        p = norm.cdf(z)
    elif alternative == "greater":
        p = norm.sf(z)
    else:
        p = 2.0 * norm.sf(abs(z))
    return float(z), float(p)
