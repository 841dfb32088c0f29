"""Wrong: for a two-sided test, only the tail on the observed side (the smaller one-sided p)."""

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
    return float(min(less, greater))
