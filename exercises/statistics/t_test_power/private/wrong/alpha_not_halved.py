"""Wrong: the two-sided critical value t_{1−α} instead of t_{1−α/2}."""

import math

from scipy import stats


def t_test_power(effect_size, n1, n2, alpha=0.05, alternative="two-sided"):
    df = n1 + n2 - 2
    nc = effect_size * math.sqrt(n1 * n2 / (n1 + n2))
    crit = stats.t.ppf(1 - alpha, df)
    if alternative == "greater":
        return float(stats.nct.sf(crit, df, nc))
    if alternative == "less":
        return float(stats.nct.cdf(-crit, df, nc))
    return float(stats.nct.sf(crit, df, nc) + stats.nct.cdf(-crit, df, nc))
