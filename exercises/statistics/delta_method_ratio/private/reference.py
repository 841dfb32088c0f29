"""Reference: delta-method variance of a ratio of per-user sums (Deng et al.) and the two-sample
z-test of arm b against arm a."""

import numpy as np
from scipy.stats import norm


def ratio_and_variance(clicks: np.ndarray, impressions: np.ndarray) -> tuple[float, float]:
    """The ratio ΣC/ΣI and its delta-method variance from per-user (C, I) pairs."""
    c, i = np.asarray(clicks, dtype=float), np.asarray(impressions, dtype=float)
    mean_c, mean_i = c.mean(), i.mean()
    cov = np.cov(c, i)  # sample (co)variances, ddof = 1
    variance = (cov[0, 0] / mean_i**2 - 2.0 * mean_c * cov[0, 1] / mean_i**3
                + mean_c**2 * cov[1, 1] / mean_i**4) / c.size
    return float(mean_c / mean_i), float(variance)


def delta_method_ratio(
    clicks_a: np.ndarray, impressions_a: np.ndarray, clicks_b: np.ndarray, impressions_b: np.ndarray
) -> tuple[float, float, float, float, float, float]:
    ratio_a, var_a = ratio_and_variance(clicks_a, impressions_a)
    ratio_b, var_b = ratio_and_variance(clicks_b, impressions_b)
    z = (ratio_b - ratio_a) / np.sqrt(var_a + var_b)
    return ratio_a, ratio_b, var_a, var_b, float(z), float(2.0 * norm.sf(abs(z)))
