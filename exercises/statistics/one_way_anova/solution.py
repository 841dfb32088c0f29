"""One-way ANOVA — see README.md for the full statement."""

import numpy as np


def one_way_anova(groups: list[np.ndarray]) -> tuple[float, float, float]:
    """Return (f_statistic, p_value, eta_squared) of the one-way ANOVA of the GROUPS' means."""
    raise NotImplementedError
