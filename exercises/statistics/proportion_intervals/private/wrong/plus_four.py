"""Wrong: Agresti–Coull as "add two successes and two failures" (x + 2, n + 4) instead of z²/2 and z²."""

import math

from scipy.stats import norm


def proportion_interval(x, n, confidence=0.95, method="wilson"):
    z = norm.ppf(1 - (1 - confidence) / 2)
    if method == "wilson":
        p = x / n
        center = (p + z**2 / (2 * n)) / (1 + z**2 / n)
        half = z / (1 + z**2 / n) * math.sqrt(p * (1 - p) / n + z**2 / (4 * n**2))
    else:
        center = (x + 2) / (n + 4)
        half = z * math.sqrt(center * (1 - center) / (n + 4))
    return float(max(0.0, center - half)), float(min(1.0, center + half))
