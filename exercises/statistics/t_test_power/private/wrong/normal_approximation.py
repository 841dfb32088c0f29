"""Wrong: the normal approximation Φ(δ − z_{1−α/2}) + Φ(−δ − z_{1−α/2}) instead of the noncentral t."""

import math

from scipy.stats import norm


def t_test_power(effect_size, n1, n2, alpha=0.05, alternative="two-sided"):
    delta = effect_size * math.sqrt(n1 * n2 / (n1 + n2))
    if alternative == "greater":
        return float(norm.cdf(delta - norm.ppf(1 - alpha)))
    if alternative == "less":
        return float(norm.cdf(-delta - norm.ppf(1 - alpha)))
    z = norm.ppf(1 - alpha / 2)
    return float(norm.cdf(delta - z) + norm.cdf(-delta - z))
