"""Wrong: the between-group sum of squares without the group sizes."""

import numpy as np
from scipy.stats import f


def one_way_anova(groups):
    groups = [np.asarray(g, dtype=float) for g in groups]
    k, n = len(groups), sum(len(g) for g in groups)
    grand = np.concatenate(groups).mean()
    ssb = sum((g.mean() - grand) ** 2 for g in groups)
    ssw = sum(np.sum((g - g.mean()) ** 2) for g in groups)
    stat = (ssb / (k - 1)) / (ssw / (n - k))
    p = f.sf(stat, k - 1, n - k)
    return float(stat), float(p), float(ssb / (ssb + ssw))
