"""Reference: Fisher's exact test of a 2×2 table, two-sided by the "as or less likely" rule with
R's relative tolerance 1 + 1e-7 (R fisher.test, scipy.stats.fisher_exact semantics).

Probabilities are ratios of exact integer binomial coefficients, so each is correctly rounded."""

from math import comb

import numpy as np

RELATIVE_TOLERANCE = 1e-7


def fisher_exact(table: np.ndarray, alternative: str = "two-sided") -> float:
    (a, b), (c, d) = np.asarray(table).tolist()
    row1, row2, col1 = a + b, c + d, a + c
    support = range(max(0, col1 - row2), min(row1, col1) + 1)
    total = comb(row1 + row2, col1)
    pmf = {k: comb(row1, k) * comb(row2, col1 - k) / total for k in support}
    if alternative == "less":
        tail = [pmf[k] for k in support if k <= a]
    elif alternative == "greater":
        tail = [pmf[k] for k in support if k >= a]
    else:
        bound = pmf[a] * (1.0 + RELATIVE_TOLERANCE)
        tail = [pmf[k] for k in support if pmf[k] <= bound]
    return float(sum(sorted(tail)))
