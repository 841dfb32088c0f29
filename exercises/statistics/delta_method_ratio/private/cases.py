"""Cases for the delta-method ratio test: users whose CTR and traffic vary a lot (the naive
binomial variance is far off), unequal arms, a lift in either direction, a large experiment with
a tiny p-value, and small arms where ddof matters."""

import numpy as np

from grader.authoring import Case


def users(rng, n, ctr, spread=20.0, mean_impressions=8.0):
    impressions = 1 + rng.poisson(mean_impressions * rng.gamma(0.8, 1.25, n))
    rates = rng.beta(ctr * spread, (1.0 - ctr) * spread, n)
    return [rng.binomial(impressions, rates).astype(np.int64), impressions.astype(np.int64)]


def visible(rng):
    return [
        Case("heterogeneous users, small lift", users(rng, 400, 0.10) + users(rng, 400, 0.11)),
        Case("unequal arms", users(rng, 300, 0.05, spread=5.0) + users(rng, 180, 0.05, spread=5.0)),
        Case("small arms", [np.array([1, 0, 3, 2, 0]), np.array([4, 2, 9, 5, 1]),
                            np.array([2, 1, 0, 4]), np.array([3, 6, 2, 7])], note="ddof = 1"),
    ]


def hidden(rng):
    return [
        Case("treatment worse", users(rng, 500, 0.2) + users(rng, 450, 0.17)),
        Case("very unequal traffic", users(rng, 250, 0.08, spread=3.0, mean_impressions=30.0)
             + users(rng, 260, 0.09, spread=3.0, mean_impressions=30.0)),
        Case("large experiment, big lift", users(rng, 20000, 0.10) + users(rng, 20000, 0.12),
             note="p-value below 1e-20"),
        Case("homogeneous users", users(rng, 300, 0.3, spread=1e6, mean_impressions=3.0)
             + users(rng, 320, 0.31, spread=1e6, mean_impressions=3.0)),
        Case("two users each", [np.array([1, 4]), np.array([3, 10]), np.array([0, 2]), np.array([2, 5])]),
    ]


# The statement's edge rules (README.md, `<!-- rule: … -->`) and the cases that exercise each.
RULES = {
    "user-level": ["heterogeneous users, small lift", "very unequal traffic"],
    "covariance": ["heterogeneous users, small lift", "treatment worse", "very unequal traffic"],
    "ratio-of-sums": ["unequal arms", "very unequal traffic"],
    "direction": ["treatment worse", "heterogeneous users, small lift"],
    "sample-variances": ["small arms", "two users each"],
    "tiny-p": ["large experiment, big lift"],
    "unequal-arms": ["unequal arms", "treatment worse"],
}
