"""Wrong: two-sided power counts only rejections in the upper tail, P(T' > t_{1−α/2})."""

import math

from scipy import stats


def t_test_power(effect_size, n1, n2, alpha=0.05, alternative="two-sided"):
    df = n1 + n2 - 2
    nc = effect_size * math.sqrt(n1 * n2 / (n1 + n2))
    if alternative == "greater":
        return float(stats.nct.sf(stats.t.ppf(1 - alpha, df), df, nc))
    if alternative == "less":
        return float(stats.nct.cdf(stats.t.ppf(alpha, df), df, nc))
    return float(stats.nct.sf(stats.t.ppf(1 - alpha / 2, df), df, nc))
