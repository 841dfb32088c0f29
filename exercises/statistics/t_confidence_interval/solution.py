"""t confidence intervals for a mean or a difference of means — see README.md for the full statement."""

import numpy as np


def t_confidence_interval(
    a: np.ndarray, b: np.ndarray | None = None, confidence: float = 0.95, equal_var: bool = False
) -> tuple[float, float]:
    """Return (low, high): the t interval of mean(a), or of mean(a) − mean(b) when b is given."""
    raise NotImplementedError
