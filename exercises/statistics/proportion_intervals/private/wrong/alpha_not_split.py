"""Wrong: z = Φ⁻¹(confidence), all of α in one tail."""

import math

from scipy.stats import norm


def proportion_interval(x, n, confidence=0.95, method="wilson"):
    z = norm.ppf(confidence)
    if method == "wilson":
        p = x / n
        center = (p + z**2 / (2 * n)) / (1 + z**2 / n)
        half = z / (1 + z**2 / n) * math.sqrt(p * (1 - p) / n + z**2 / (4 * n**2))
    else:
        n_tilde = n + z**2
        center = (x + z**2 / 2) / n_tilde
        half = z * math.sqrt(center * (1 - center) / n_tilde)
    return float(max(0.0, center - half)), float(min(1.0, center + half))
