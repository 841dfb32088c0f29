"""Reference: per-group n for a two-sided two-proportion z-test, Cohen's h effect size, ceil."""

import math

from scipy.stats import norm


def sample_size_two_proportions(p1: float, p2: float, alpha: float = 0.05, power: float = 0.8) -> int:
    h = 2.0 * math.asin(math.sqrt(p1)) - 2.0 * math.asin(math.sqrt(p2))
    z_alpha, z_power = norm.ppf(1.0 - alpha / 2.0), norm.ppf(power)
    return math.ceil(2.0 * ((z_alpha + z_power) / h) ** 2)
