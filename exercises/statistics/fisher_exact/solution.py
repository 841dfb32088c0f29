"""Fisher's exact test for a 2×2 table — see README.md for the full statement."""

import numpy as np


def fisher_exact(table: np.ndarray, alternative: str = "two-sided") -> float:
    """Return the p-value of Fisher's exact test of independence for the 2×2 count table."""
    raise NotImplementedError
