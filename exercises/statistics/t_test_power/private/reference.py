"""Reference: exact power of the pooled two-sample t-test from the noncentral t distribution
(statsmodels TTestIndPower().power semantics, 'larger'/'smaller' named 'greater'/'less')."""

import math

from scipy.stats import nct
from scipy.stats import t as student_t


def t_test_power(
    effect_size: float, n1: int, n2: int, alpha: float = 0.05, alternative: str = "two-sided"
) -> float:
    df = n1 + n2 - 2
    noncentrality = effect_size * math.sqrt(n1 * n2 / (n1 + n2))
    if alternative == "greater":
        return float(nct.sf(student_t.isf(alpha, df), df, noncentrality))
    if alternative == "less":
        return float(nct.cdf(student_t.ppf(alpha, df), df, noncentrality))
    critical = student_t.isf(alpha / 2.0, df)
    return float(nct.sf(critical, df, noncentrality) + nct.cdf(-critical, df, noncentrality))
