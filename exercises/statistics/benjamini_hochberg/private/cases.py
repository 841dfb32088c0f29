"""Cases for Benjamini–Hochberg: unsorted input whose raw values p·m/i are not monotone, ties
(including all-equal), raw values above 1, already sorted input, m = 0 and m = 1, exact 0 and 1,
tiny p-values and a 200-test mix of nulls and signals."""

import numpy as np

from grader.authoring import Case


def visible(rng):
    return [
        Case("unsorted, non-monotone raw values", [np.array([0.2, 0.011, 0.9, 0.01, 0.21, 0.012])]),
        Case("tied p-values", [np.array([0.03, 0.01, 0.03, 0.2, 0.03])]),
        Case("raw values above 1", [np.array([0.9, 0.5, 0.95, 0.8])], note="0.5·4/1 = 2 before the step-up"),
    ]


def hidden(rng):
    signals = 10.0 ** rng.uniform(-12, -3, 20)
    mixed = rng.permutation(np.concatenate([rng.random(180), signals]))
    return [
        Case("already sorted", [np.sort(rng.random(12))]),
        Case("single p-value", [np.array([0.037])]),
        Case("no p-values", [np.array([], dtype=float)]),
        Case("200 tests, nulls and signals", [mixed]),
        Case("zeros and ones", [np.array([0.0, 1.0, 0.5, 0.0, 0.02])]),
        Case("tiny p-values", [np.array([1e-30, 3e-25, 2e-28, 0.04])]),
        Case("all equal", [np.full(5, 0.04)]),
        Case("rounded p-values with ties", [np.round(rng.random(30) ** 2, 2)]),
    ]


# The statement's edge rules (README.md, `<!-- rule: … -->`) and the cases that exercise each.
RULES = {
    'input-order': ['unsorted, non-monotone raw values', '200 tests, nulls and signals'],
    'monotone': ['unsorted, non-monotone raw values', 'raw values above 1'],
    'ties': ['tied p-values', 'rounded p-values with ties', 'all equal'],
    'clip-at-one': ['raw values above 1', 'zeros and ones'],
    'm-zero-and-one': ['no p-values', 'single p-value'],
    'extreme-p-values': ['zeros and ones', 'tiny p-values'],
}
