"""Reference: paired t-test (scipy ttest_rel semantics) on d = before − after."""

import numpy as np
from scipy.stats import t as student_t


def paired_t_test(before: np.ndarray, after: np.ndarray, alternative: str = "two-sided") -> tuple[float, float]:
    d = np.asarray(before, dtype=float) - np.asarray(after, dtype=float)
    df = d.size - 1
    t = d.mean() / (d.std(ddof=1) / np.sqrt(d.size))
    if alternative == "less":
        p = student_t.cdf(t, df)
    elif alternative == "greater":
        p = student_t.sf(t, df)
    else:
        p = 2.0 * student_t.sf(abs(t), df)
    return float(t), float(p)
