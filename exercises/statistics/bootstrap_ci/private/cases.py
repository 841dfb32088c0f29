"""Cases for the percentile bootstrap CI: defaults, strongly skewed data (where the basic /
reverse-percentile interval differs), several confidence levels, many resamples (so the 5/95
percentiles of a 95% interval fall outside the Monte Carlo tolerance), n = 1 and constant data."""

import numpy as np

from grader.authoring import Case


def visible(rng):
    return [
        Case("symmetric sample, defaults", [rng.normal(10.0, 2.0, 30)], note="2000 resamples, 95%"),
        Case("skewed sample, 20000 resamples", [rng.lognormal(0.0, 1.0, 20)], {"n_resamples": 20000, "seed": 7}),
        Case("single observation", [np.array([4.2])], note="every resample is [4.2]"),
    ]


def hidden(rng):
    return [
        Case("90% confidence, 50000 resamples", [rng.normal(0.0, 1.0, 40)],
             {"confidence": 0.9, "n_resamples": 50000, "seed": 3}),
        Case("constant data", [np.full(10, 2.5)], {"n_resamples": 500}),
        Case("heavily skewed, n=12", [rng.lognormal(0.0, 1.3, 12)], {"n_resamples": 20000, "seed": 11}),
        Case("99% confidence, n=60", [rng.exponential(3.0, 60)], {"confidence": 0.99, "n_resamples": 20000}),
        Case("binary data", [(rng.random(25) < 0.3).astype(float)], {"n_resamples": 20000, "seed": 5}),
    ]


# The statement's edge rules (README.md, `<!-- rule: … -->`) and the cases that exercise each.
RULES = {
    'n-one': ['single observation'],
    'constant-data': ['constant data'],
    'discrete-data': ['binary data'],
    'percentile-interval': ['heavily skewed, n=12', 'skewed sample, 20000 resamples'],
}
