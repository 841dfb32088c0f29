"""Wrong: df = n1 − 1, the one-sample degrees of freedom, instead of n1 + n2 − 2."""

import math

from scipy import stats


def t_test_power(effect_size, n1, n2, alpha=0.05, alternative="two-sided"):
    df = n1 - 1
    nc = effect_size * math.sqrt(n1 * n2 / (n1 + n2))
    if alternative == "greater":
        return float(stats.nct.sf(stats.t.ppf(1 - alpha, df), df, nc))
    if alternative == "less":
        return float(stats.nct.cdf(stats.t.ppf(alpha, df), df, nc))
    crit = stats.t.ppf(1 - alpha / 2, df)
    return float(stats.nct.sf(crit, df, nc) + stats.nct.cdf(-crit, df, nc))
