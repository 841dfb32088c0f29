"""Cases for CUPED: a strongly correlated pre-period covariate, negative correlation, unequal arms,
a pre-period imbalance between the arms, an uninformative covariate, covariates far from 0
(where theta·x and theta·(x − X̄) differ a lot) and small arms (where ddof matters most)."""

import numpy as np

from grader.authoring import Case


def arms(rng, n_c, n_t, slope, noise, effect, x_mean=50.0, x_shift=0.0):
    xc = rng.normal(x_mean, 10.0, n_c)
    xt = rng.normal(x_mean + x_shift, 10.0, n_t)
    yc = 5.0 + slope * xc + rng.normal(0.0, noise, n_c)
    yt = 5.0 + effect + slope * xt + rng.normal(0.0, noise, n_t)
    return [yc, xc, yt, xt]


def visible(rng):
    return [
        Case("correlated covariate", arms(rng, 200, 200, 0.8, 4.0, 1.0)),
        Case("unequal arms", arms(rng, 150, 60, 1.2, 6.0, 0.5)),
        Case("small arms", arms(rng, 6, 5, 0.5, 2.0, 1.0), note="n = 11: ddof matters"),
    ]


def hidden(rng):
    return [
        Case("negative correlation", arms(rng, 80, 120, -0.7, 3.0, -2.0)),
        Case("pre-period imbalance", arms(rng, 100, 100, 0.9, 3.0, 0.8, x_shift=4.0)),
        Case("imbalance, unequal arms", arms(rng, 40, 90, 0.6, 2.0, 0.0, x_shift=-3.0)),
        Case("uninformative covariate", arms(rng, 120, 100, 0.0, 5.0, 1.0)),
        Case("covariate far from zero", arms(rng, 50, 70, 0.3, 1.0, 0.2, x_mean=1000.0)),
        Case("two users per arm", [np.array([3.0, 5.0]), np.array([1.0, 2.0]),
                                   np.array([6.0, 4.5]), np.array([2.5, 1.5])]),
        Case("large experiment", arms(rng, 5000, 5000, 1.0, 8.0, 0.3)),
    ]


# The statement's edge rules (README.md, `<!-- rule: … -->`) and the cases that exercise each.
RULES = {
    "pooled-theta": ["correlated covariate", "unequal arms", "pre-period imbalance"],
    "same-ddof": ["small arms", "two users per arm", "unequal arms"],
    "centred": ["correlated covariate", "covariate far from zero"],
    "pooled-mean": ["pre-period imbalance", "imbalance, unequal arms"],
    "unequal-arms": ["unequal arms", "imbalance, unequal arms"],
    "weak-covariate": ["uninformative covariate"],
}
