"""Cases for the GMM E-step: correlated full covariances of different scales, unequal weights,
points far from every component (log-densities around −10⁶), K = 1, D = 1, one point and a
larger mixture. N differs from K everywhere, so normalising over the wrong axis cannot pass."""

import numpy as np

from grader.authoring import Case


def _mixture(rng, k, d, scales=None, spread=3.0):
    scales = np.ones(k) if scales is None else np.asarray(scales, dtype=np.float64)
    A = rng.normal(size=(k, d, d))
    cov = (A @ A.transpose(0, 2, 1) / d + 0.5 * np.eye(d)) * scales[:, None, None]
    means = rng.normal(size=(k, d)) * spread
    weights = rng.dirichlet(np.full(k, 2.0))
    return weights, means, cov


def _points(rng, means, cov, n):
    k = rng.integers(0, len(means), size=n)
    return np.stack([rng.multivariate_normal(means[j], cov[j]) for j in k])


def visible(rng):
    w, mu, cov = _mixture(rng, 2, 2)
    w3, mu3, cov3 = _mixture(rng, 3, 2, scales=[0.2, 1.0, 5.0])
    return [
        Case("two components in 2-D", [_points(rng, mu, cov, 8), w, mu, cov]),
        Case("three components of different scales", [_points(rng, mu3, cov3, 10), w3, mu3, cov3]),
        Case("points far from every component", [rng.normal(size=(4, 2)) * 300 + 2000, w, mu, cov],
             note="log-densities around −10⁶: exp of any of them is 0"),
    ]


def hidden(rng):
    w4, mu4, cov4 = _mixture(rng, 4, 3, scales=[0.05, 0.5, 2.0, 20.0])
    uneven = np.array([0.97, 0.01, 0.02])
    _, mu_u, cov_u = _mixture(rng, 3, 2)
    w1, mu1, cov1 = _mixture(rng, 1, 3)
    wd, mud, covd = _mixture(rng, 3, 1, scales=[0.1, 1.0, 10.0])
    wb, mub, covb = _mixture(rng, 6, 5)
    return [
        Case("four components in 3-D, scales 0.05 to 20", [_points(rng, mu4, cov4, 50), w4, mu4, cov4]),
        Case("weights 0.97, 0.01, 0.02", [_points(rng, mu_u, cov_u, 30), uneven, mu_u, cov_u]),
        Case("far points in 3-D", [rng.normal(size=(7, 3)) * 1e3 + np.array([5e3, -2e3, 1e3]), w4, mu4, cov4]),
        Case("near and far points together", [np.vstack([_points(rng, mu4, cov4, 5), rng.normal(size=(3, 3)) * 5e3]),
                                              w4, mu4, cov4]),
        Case("one component", [_points(rng, mu1, cov1, 6), w1, mu1, cov1], note="every responsibility is 1"),
        Case("one dimension", [_points(rng, mud, covd, 12), wd, mud, covd]),
        Case("one point", [mu4[:1] + 0.3, w4, mu4, cov4]),
        Case("2000 points, 5-D, 6 components", [_points(rng, mub, covb, 2000), wb, mub, covb]),
    ]


# The statement's edge rules (README.md, `<!-- rule: … -->`) and the cases that exercise each.
RULES = {
    "log-space": ["points far from every component", "far points in 3-D", "near and far points together"],
    "half-log-det": ["three components of different scales", "four components in 3-D, scales 0.05 to 20"],
    "log-weights": ["two components in 2-D", "weights 0.97, 0.01, 0.02"],
    "normalise-per-point": ["two components in 2-D", "four components in 3-D, scales 0.05 to 20"],
    "total-log-likelihood": ["two components in 2-D", "one component"],
    "one-component": ["one component", "one dimension"],
    "inputs-unchanged": ["two components in 2-D", "points far from every component"],
}
