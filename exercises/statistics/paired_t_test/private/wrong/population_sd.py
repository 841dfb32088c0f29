"""Wrong: np.std with its default ddof=0."""

import numpy as np
from scipy.stats import t as student_t


def paired_t_test(before, after, alternative="two-sided"):
    d = np.asarray(before, dtype=float) - np.asarray(after, dtype=float)
    n = len(d)
    t = d.mean() / (np.std(d) / np.sqrt(n))
    if alternative == "less":
        p = student_t.cdf(t, n - 1)
    elif alternative == "greater":
        p = student_t.sf(t, n - 1)
    else:
        p = 2 * student_t.sf(abs(t), n - 1)
    return float(t), float(p)
