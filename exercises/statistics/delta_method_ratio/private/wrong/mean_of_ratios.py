"""Wrong: the metric as the mean of per-user CTRs, with the variance of that mean."""

import numpy as np
from scipy.stats import norm


def arm(clicks, impressions):
    n = len(clicks)
    ctr = np.asarray(clicks) / np.asarray(impressions)
    return np.mean(ctr), np.var(ctr, ddof=1) / n


def delta_method_ratio(clicks_a, impressions_a, clicks_b, impressions_b):
    r_a, v_a = arm(clicks_a, impressions_a)
    r_b, v_b = arm(clicks_b, impressions_b)
    z = (r_b - r_a) / np.sqrt(v_a + v_b)
    return float(r_a), float(r_b), float(v_a), float(v_b), float(z), float(2 * norm.sf(abs(z)))
