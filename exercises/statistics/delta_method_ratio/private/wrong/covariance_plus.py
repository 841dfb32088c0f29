"""Wrong: the covariance term added instead of subtracted."""

import numpy as np
from scipy.stats import norm


def arm(clicks, impressions):
    n = len(clicks)
    mc, mi = np.mean(clicks), np.mean(impressions)
    var_c, var_i = np.var(clicks, ddof=1), np.var(impressions, ddof=1)
    cov = np.cov(clicks, impressions)[0, 1]
    r = mc / mi
    v = (var_c / mi**2 + 2 * mc * cov / mi**3 + mc**2 * var_i / mi**4) / n
    return r, v


def delta_method_ratio(clicks_a, impressions_a, clicks_b, impressions_b):
    r_a, v_a = arm(clicks_a, impressions_a)
    r_b, v_b = arm(clicks_b, impressions_b)
    z = (r_b - r_a) / np.sqrt(v_a + v_b)
    return float(r_a), float(r_b), float(v_a), float(v_b), float(z), float(2 * norm.sf(abs(z)))
