"""Cases for Bonferroni and Holm: unsorted input whose raw Holm values are not monotone, values
above 1 before the cap, ties, sorted input, m = 0 and m = 1, exact 0 and 1, tiny p-values, a
family where Hochberg's step-up differs from Holm's step-down, and 150 mixed tests."""

import numpy as np

from grader.authoring import Case


def visible(rng):
    return [
        Case("unsorted, non-monotone raw values", [np.array([0.04, 0.011, 0.3, 0.01, 0.012, 0.2])]),
        Case("Bonferroni", [np.array([0.01, 0.2, 0.004, 0.05])], {"method": "bonferroni"}),
        Case("raw values above 1", [np.array([0.6, 0.3, 0.9, 0.5])]),
    ]


def hidden(rng):
    signals = 10.0 ** rng.uniform(-10, -2, 15)
    mixed = rng.permutation(np.concatenate([rng.random(135), signals]))
    return [
        Case("already sorted", [np.sort(rng.random(10) * 0.1)]),
        Case("tied p-values", [np.array([0.02, 0.01, 0.02, 0.2, 0.02])]),
        Case("Hochberg differs", [np.array([0.03, 0.04, 0.045, 0.01])], note="step-down ≠ step-up here"),
        Case("single p-value", [np.array([0.037])]),
        Case("single p-value, Bonferroni", [np.array([0.6])], {"method": "bonferroni"}),
        Case("no p-values", [np.array([], dtype=float)]),
        Case("no p-values, Bonferroni", [np.array([], dtype=float)], {"method": "bonferroni"}),
        Case("zeros and ones", [np.array([0.0, 1.0, 0.5, 0.0, 0.02])]),
        Case("Bonferroni above 1", [np.array([0.3, 0.001, 0.7])], {"method": "bonferroni"}),
        Case("tiny p-values", [np.array([1e-30, 3e-25, 2e-28, 0.04])]),
        Case("150 tests, nulls and signals", [mixed]),
        Case("150 tests, Bonferroni", [mixed.copy()], {"method": "bonferroni"}),
        Case("all equal", [np.full(4, 0.1)]),
    ]


# The statement's edge rules (README.md, `<!-- rule: … -->`) and the cases that exercise each.
RULES = {
    "input-order": ["unsorted, non-monotone raw values", "150 tests, nulls and signals"],
    "step-down": ["unsorted, non-monotone raw values", "Hochberg differs"],
    "multipliers": ["already sorted", "unsorted, non-monotone raw values", "tiny p-values"],
    "cap-at-one": ["raw values above 1", "Bonferroni above 1", "zeros and ones"],
    "ties": ["tied p-values", "all equal"],
    "m-zero-and-one": ["no p-values", "single p-value", "no p-values, Bonferroni", "single p-value, Bonferroni"],
    "extreme-p-values": ["zeros and ones", "tiny p-values"],
}
