"""Mann–Whitney U test — see README.md for the full statement."""

import numpy as np


def mann_whitney_u(x: np.ndarray, y: np.ndarray, alternative: str = "two-sided") -> tuple[float, float]:
    """Return (u, p_value): U of sample x and the tie-corrected normal-approximation p-value."""
    raise NotImplementedError
