"""Wrong: each arm gets its own theta (and its own covariate mean)."""

import numpy as np


def cuped(y_control, x_control, y_treatment, x_treatment):
    adjusted, thetas = [], []
    for y, x in ((y_control, x_control), (y_treatment, x_treatment)):
        theta = np.cov(x, y)[0, 1] / np.var(x, ddof=1)
        adjusted.append(y - theta * (x - x.mean()))
        thetas.append(theta)
    before = np.var(y_control, ddof=1) / len(y_control) + np.var(y_treatment, ddof=1) / len(y_treatment)
    after = np.var(adjusted[0], ddof=1) / len(y_control) + np.var(adjusted[1], ddof=1) / len(y_treatment)
    return float(np.mean(thetas)), float(adjusted[0].mean()), float(adjusted[1].mean()), float(after / before)
