"""Wrong: z = (p̂_b − p̂_a) / SE."""

import math

from scipy.stats import norm


def two_proportion_z_test(successes_a, n_a, successes_b, n_b, alternative="two-sided"):
    pooled = (successes_a + successes_b) / (n_a + n_b)
    se = math.sqrt(pooled * (1 - pooled) * (1 / n_a + 1 / n_b))
    z = (successes_b / n_b - successes_a / n_a) / se if se > 0 else 0.0
    if alternative == "less":
        p = norm.cdf(z)
    elif alternative == "greater":
        p = norm.sf(z)
    else:
        p = 2 * norm.sf(abs(z))
    return float(z), float(p)
