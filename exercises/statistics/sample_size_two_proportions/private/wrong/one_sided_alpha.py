"""Wrong: one-sided critical value z_{1−α}."""

import math

from scipy.stats import norm


def sample_size_two_proportions(p1, p2, alpha=0.05, power=0.8):
    h = 2 * math.asin(math.sqrt(p1)) - 2 * math.asin(math.sqrt(p2))
    return math.ceil(2 * ((norm.ppf(1 - alpha) + norm.ppf(power)) / h) ** 2)
