"""Wrong: Student's pooled-variance t-test with df = n_a + n_b − 2."""

import numpy as np
from scipy.stats import t as student_t


def welch_t_test(a, b, alternative="two-sided"):
    a, b = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
    df = a.size + b.size - 2
    pooled = ((a.size - 1) * a.var(ddof=1) + (b.size - 1) * b.var(ddof=1)) / df
    t = (a.mean() - b.mean()) / np.sqrt(pooled * (1 / a.size + 1 / b.size))
    if alternative == "less":
        p = student_t.cdf(t, df)
    elif alternative == "greater":
        p = student_t.sf(t, df)
    else:
        p = 2 * student_t.sf(abs(t), df)
    return float(t), float(p), float(df)
