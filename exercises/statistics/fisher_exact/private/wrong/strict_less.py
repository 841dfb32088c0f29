"""Wrong: the two-sided p-value sums only the tables strictly less likely than the observed one
(plus the observed one), so a table exactly as likely (the mirror of a symmetric table) is left out."""

from scipy.stats import hypergeom


def fisher_exact(table, alternative="two-sided"):
    (a, b), (c, d) = table
    total, row1, col1 = a + b + c + d, a + b, a + c
    if alternative == "less":
        return float(hypergeom.cdf(a, total, row1, col1))
    if alternative == "greater":
        return float(hypergeom.sf(a - 1, total, row1, col1))
    ks = range(max(0, col1 - (c + d)), min(row1, col1) + 1)
    observed = hypergeom.pmf(a, total, row1, col1)
    p = observed + sum(hypergeom.pmf(k, total, row1, col1) for k in ks if k != a
                       and hypergeom.pmf(k, total, row1, col1) < observed * (1 - 1e-7))
    return float(min(1.0, p))
