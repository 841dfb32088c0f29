"""Wrong: the unpooled (Wald) standard error."""

import math

from scipy.stats import norm


def two_proportion_z_test(successes_a, n_a, successes_b, n_b, alternative="two-sided"):
    pa, pb = successes_a / n_a, successes_b / n_b
    se = math.sqrt(pa * (1 - pa) / n_a + pb * (1 - pb) / n_b)
    z = (pa - pb) / se if se > 0 else 0.0
    if alternative == "less":
        p = norm.cdf(z)
    elif alternative == "greater":
        p = norm.sf(z)
    else:
        p = 2 * norm.sf(abs(z))
    return float(z), float(p)
