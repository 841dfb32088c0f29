"""Delta-method z-test for a ratio metric (CTR) — see README.md for the full statement."""

import numpy as np


def delta_method_ratio(
    clicks_a: np.ndarray, impressions_a: np.ndarray, clicks_b: np.ndarray, impressions_b: np.ndarray
) -> tuple[float, float, float, float, float, float]:
    """Return (ratio_a, ratio_b, var_a, var_b, z, p_value) of the per-arm CTRs and their z-test."""
    raise NotImplementedError
