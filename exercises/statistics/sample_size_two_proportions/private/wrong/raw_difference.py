"""Wrong: plugs the raw difference p1 − p2 in place of Cohen's h."""

import math

from scipy.stats import norm


def sample_size_two_proportions(p1, p2, alpha=0.05, power=0.8):
    effect = p1 - p2
    return math.ceil(2 * ((norm.ppf(1 - alpha / 2) + norm.ppf(power)) / effect) ** 2)
