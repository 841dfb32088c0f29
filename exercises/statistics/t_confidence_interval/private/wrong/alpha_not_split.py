"""Wrong: the quantile T⁻¹(confidence), all of α in one tail."""

import numpy as np
from scipy.stats import t as student_t


def t_confidence_interval(
    a: np.ndarray, b: np.ndarray | None = None, confidence: float = 0.95, equal_var: bool = False
) -> tuple[float, float]:
    a = np.asarray(a, dtype=float)
    if b is None:
        estimate, se, df = a.mean(), np.sqrt(a.var(ddof=1) / a.size), a.size - 1.0
    else:
        b = np.asarray(b, dtype=float)
        estimate = a.mean() - b.mean()
        if equal_var:
            df = a.size + b.size - 2.0
            pooled = ((a.size - 1) * a.var(ddof=1) + (b.size - 1) * b.var(ddof=1)) / df
            se = np.sqrt(pooled * (1.0 / a.size + 1.0 / b.size))
        else:
            va, vb = a.var(ddof=1) / a.size, b.var(ddof=1) / b.size
            se = np.sqrt(va + vb)
            df = (va + vb) ** 2 / (va**2 / (a.size - 1) + vb**2 / (b.size - 1))
    half = student_t.ppf(confidence, df) * se
    return float(estimate - half), float(estimate + half)
