"""Wrong: the two-sided p-value as twice the smaller one-sided p-value."""

from scipy.stats import hypergeom


def fisher_exact(table, alternative="two-sided"):
    (a, b), (c, d) = table
    total, row1, col1 = a + b + c + d, a + b, a + c
    less = hypergeom.cdf(a, total, row1, col1)
    greater = hypergeom.sf(a - 1, total, row1, col1)
    if alternative == "less":
        return float(less)
    if alternative == "greater":
        return float(greater)
    return float(min(1.0, 2 * min(less, greater)))
