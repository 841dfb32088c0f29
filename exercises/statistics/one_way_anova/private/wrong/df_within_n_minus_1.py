"""Wrong: N − 1 within-group degrees of freedom instead of N − k."""

import numpy as np
from scipy.stats import f


def one_way_anova(groups):
    groups = [np.asarray(g, dtype=float) for g in groups]
    k, n = len(groups), sum(len(g) for g in groups)
    grand = np.concatenate(groups).mean()
    ssb = sum(len(g) * (g.mean() - grand) ** 2 for g in groups)
    ssw = sum(np.sum((g - g.mean()) ** 2) for g in groups)
    stat = (ssb / (k - 1)) / (ssw / (n - 1))
    p = f.sf(stat, k - 1, n - 1)
    return float(stat), float(p), float(ssb / (ssb + ssw))
