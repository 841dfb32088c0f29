"""Wrong: theta = np.cov(x, y)[0, 1] (ddof=1) / np.var(x) (ddof=0)."""

import numpy as np


def cuped(y_control, x_control, y_treatment, x_treatment):
    x = np.concatenate([x_control, x_treatment])
    y = np.concatenate([y_control, y_treatment])
    theta = np.cov(x, y)[0, 1] / np.var(x)
    adj_c = y_control - theta * (x_control - x.mean())
    adj_t = y_treatment - theta * (x_treatment - x.mean())
    before = np.var(y_control, ddof=1) / len(y_control) + np.var(y_treatment, ddof=1) / len(y_treatment)
    after = np.var(adj_c, ddof=1) / len(adj_c) + np.var(adj_t, ddof=1) / len(adj_t)
    return float(theta), float(adj_c.mean()), float(adj_t.mean()), float(after / before)
