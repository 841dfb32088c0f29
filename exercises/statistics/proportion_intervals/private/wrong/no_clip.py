"""Wrong: the Agresti–Coull endpoints are not clipped to [0, 1]."""

import math

from scipy.stats import norm


def proportion_interval(x, n, confidence=0.95, method="wilson"):
    z = norm.ppf(1 - (1 - confidence) / 2)
    if method == "wilson":
        p = x / n
        center = (p + z**2 / (2 * n)) / (1 + z**2 / n)
        half = z / (1 + z**2 / n) * math.sqrt(p * (1 - p) / n + z**2 / (4 * n**2))
        return float(max(0.0, center - half)), float(min(1.0, center + half))
    n_tilde = n + z**2
    p_tilde = (x + z**2 / 2) / n_tilde
    half = z * math.sqrt(p_tilde * (1 - p_tilde) / n_tilde)
    return float(p_tilde - half), float(p_tilde + half)
