"""Reference: Wilson score and Agresti–Coull intervals for a binomial proportion, clipped to
[0, 1] (statsmodels proportion_confint(method="wilson" / "agresti_coull") semantics)."""

import math

from scipy.stats import norm


def proportion_interval(x: int, n: int, confidence: float = 0.95, method: str = "wilson") -> tuple[float, float]:
    z2 = norm.isf((1.0 - confidence) / 2.0) ** 2
    if method == "wilson":
        p = x / n
        shrink = 1.0 + z2 / n
        center = (p + z2 / (2.0 * n)) / shrink
        half = math.sqrt(z2 * (p * (1.0 - p) / n + z2 / (4.0 * n * n))) / shrink
    else:
        n_tilde = n + z2
        center = (x + z2 / 2.0) / n_tilde
        half = math.sqrt(z2 * center * (1.0 - center) / n_tilde)
    return float(max(0.0, center - half)), float(min(1.0, center + half))
