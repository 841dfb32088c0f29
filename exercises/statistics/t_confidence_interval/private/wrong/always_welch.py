"""Wrong: equal_var is ignored; two samples always get Welch's interval."""

import numpy as np
from scipy.stats import t as student_t


def t_confidence_interval(a, b=None, confidence=0.95, equal_var=False):
    a = np.asarray(a, dtype=float)
    if b is None:
        estimate, se, df = a.mean(), a.std(ddof=1) / np.sqrt(a.size), a.size - 1
    else:
        b = np.asarray(b, dtype=float)
        va, vb = a.var(ddof=1) / a.size, b.var(ddof=1) / b.size
        estimate, se = a.mean() - b.mean(), np.sqrt(va + vb)
        df = (va + vb) ** 2 / (va**2 / (a.size - 1) + vb**2 / (b.size - 1))
    q = student_t.ppf(1 - (1 - confidence) / 2, df)
    return float(estimate - q * se), float(estimate + q * se)
