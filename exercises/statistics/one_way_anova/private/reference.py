"""Reference: one-way ANOVA F test (scipy f_oneway semantics) and eta squared."""

import numpy as np
from scipy.stats import f as f_distribution


def one_way_anova(groups: list[np.ndarray]) -> tuple[float, float, float]:
    samples = [np.asarray(group, dtype=float) for group in groups]
    values = np.concatenate(samples)
    grand = values.mean()
    between = sum(sample.size * (sample.mean() - grand) ** 2 for sample in samples)
    within = sum(((sample - sample.mean()) ** 2).sum() for sample in samples)
    df_between, df_within = len(samples) - 1, values.size - len(samples)
    f_statistic = (between / df_between) / (within / df_within)
    p_value = f_distribution.sf(f_statistic, df_between, df_within)
    return float(f_statistic), float(p_value), float(between / (between + within))
