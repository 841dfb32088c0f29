"""Reference: CUPED with one theta pooled over both arms, covariate centred at its pooled mean."""

import numpy as np


def cuped(
    y_control: np.ndarray, x_control: np.ndarray, y_treatment: np.ndarray, x_treatment: np.ndarray
) -> tuple[float, float, float, float]:
    yc, xc = np.asarray(y_control, dtype=float), np.asarray(x_control, dtype=float)
    yt, xt = np.asarray(y_treatment, dtype=float), np.asarray(x_treatment, dtype=float)
    x, y = np.concatenate([xc, xt]), np.concatenate([yc, yt])
    x_centred = x - x.mean()
    theta = (x_centred * y).sum() / (x_centred**2).sum()  # Σ(X − X̄)(Y − Ȳ) = Σ(X − X̄)Y
    adjusted_c = yc - theta * (xc - x.mean())
    adjusted_t = yt - theta * (xt - x.mean())
    before = yc.var(ddof=1) / yc.size + yt.var(ddof=1) / yt.size
    after = adjusted_c.var(ddof=1) / yc.size + adjusted_t.var(ddof=1) / yt.size
    return float(theta), float(adjusted_c.mean()), float(adjusted_t.mean()), float(after / before)
