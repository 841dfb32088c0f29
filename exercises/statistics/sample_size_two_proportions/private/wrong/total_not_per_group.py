"""Wrong: returns the total over both groups."""

import math

from scipy.stats import norm


def sample_size_two_proportions(p1, p2, alpha=0.05, power=0.8):
    h = 2 * math.asin(math.sqrt(p1)) - 2 * math.asin(math.sqrt(p2))
    per_group = 2 * ((norm.ppf(1 - alpha / 2) + norm.ppf(power)) / h) ** 2
    return math.ceil(2 * per_group)
