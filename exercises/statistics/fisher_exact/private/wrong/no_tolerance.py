"""Wrong: "as or less likely" tested with an exact `<=` on floating-point probabilities, so a
table exactly as likely as the observed one can be left out by rounding."""

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
    probabilities = [hypergeom.pmf(k, total, row1, col1) for k in ks]
    return float(min(1.0, sum(q for q in probabilities if q <= observed)))
