"""Wrong: the Wald interval p̂ ± z·√(p̂(1 − p̂)/n) where Wilson's score interval is asked."""

import math

from scipy.stats import norm


def proportion_interval(x, n, confidence=0.95, method="wilson"):
    z = norm.ppf(1 - (1 - confidence) / 2)
    if method == "wilson":
        p = x / n
        half = z * math.sqrt(p * (1 - p) / n)
    else:
        n = n + z**2
        p = (x + z**2 / 2) / n
        half = z * math.sqrt(p * (1 - p) / n)
    return float(max(0.0, p - half)), float(min(1.0, p + half))
