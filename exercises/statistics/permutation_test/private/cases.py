"""Cases for the permutation test: both alternatives in both directions, two-sided on skewed data
(twice a tail ≠ the two-sided count), far-apart samples (p = 1/(B + 1)), unequal sizes, integer
and decimal data with many ties (equal up to rounding), equal means (d = 0), values around 1e-6,
tiny samples, the default seed and the default B = 9999."""

import numpy as np

from grader.authoring import Case


def visible(rng):
    return [
        Case("two-sided, small samples", [rng.normal(0.0, 1.0, 8), rng.normal(0.6, 1.0, 10)],
             {"n_permutations": 999, "seed": 1}),
        Case("greater", [rng.normal(1.0, 1.0, 12), rng.normal(0.4, 1.0, 9)], {"n_permutations": 1999, "seed": 7,
                                                                               "alternative": "greater"}),
        Case("far apart", [rng.normal(0.0, 1.0, 15), rng.normal(4.0, 1.0, 15)], {"n_permutations": 499, "seed": 3},
             note="no draw is as extreme: p = 1/(B + 1)"),
    ]


def hidden(rng):
    return [
        Case("skewed data, two-sided", [rng.exponential(1.0, 6), rng.exponential(2.5, 14)],
             {"n_permutations": 2999, "seed": 11}),
        Case("integer data with ties", [rng.integers(0, 4, 6).astype(float), rng.integers(0, 4, 6).astype(float)],
             {"n_permutations": 1999, "seed": 5}),
        Case("integer data, greater", [rng.integers(1, 5, 5).astype(float), rng.integers(0, 4, 7).astype(float)],
             {"n_permutations": 999, "seed": 8, "alternative": "greater"}),
        Case("unequal sizes, less", [rng.normal(-0.5, 1.0, 3), rng.normal(0.0, 1.0, 20)],
             {"n_permutations": 999, "seed": 2, "alternative": "less"}),
        Case("greater with a negative difference", [rng.normal(-0.8, 1.0, 10), rng.normal(0.0, 1.0, 10)],
             {"n_permutations": 999, "seed": 4, "alternative": "greater"}),
        Case("two values each", [np.array([1.5, 2.5]), np.array([0.2, 4.1])], {"n_permutations": 50, "seed": 9}),
        Case("far apart, less", [rng.normal(0.0, 1.0, 10), rng.normal(3.0, 1.0, 25)],
             {"n_permutations": 999, "seed": 6, "alternative": "less"}),
        Case("default B = 9999", [rng.normal(0.2, 1.0, 30), rng.normal(0.0, 1.5, 25)], {"seed": 12}),
        Case("decimal data with ties", [np.array([1.1, 0.7, 0.3, 0.2, 0.2]), np.array([0.1, 0.1, 0.1, 0.1, 1.1, 0.7])],
             {"n_permutations": 999, "seed": 3}, note="equal differences differ in their last bits"),
        Case("decimal data with ties, less", [np.array([1.1, 0.3, 0.7, 1.1, 0.7]),
                                              np.array([0.7, 0.3, 0.3, 1.1, 0.2, 1.1])],
             {"n_permutations": 999, "seed": 3, "alternative": "less"}),
        Case("equal means, greater", [np.array([1.0, 3.0, 2.0, 2.0]), np.array([2.0, 2.0, 1.0, 3.0, 2.0])],
             {"n_permutations": 499, "seed": 21, "alternative": "greater"}, note="d = 0 exactly"),
        Case("equal means, less", [np.array([4.0, 0.0, 2.0]), np.array([1.0, 3.0, 2.0, 2.0])],
             {"n_permutations": 499, "seed": 22, "alternative": "less"}),
        Case("micro scale", [rng.normal(0.0, 1e-6, 9), rng.normal(5e-7, 1e-6, 11)], {"n_permutations": 999, "seed": 23},
             note="values around 1e-6: the slack is relative to |d|"),
        Case("default seed", [rng.normal(0.0, 1.0, 7), rng.normal(0.5, 1.0, 8)], {"n_permutations": 999}),
        Case("heavy tails, two-sided", [rng.standard_t(2, 9), rng.standard_t(2, 16) + 0.8],
             {"n_permutations": 1999, "seed": 13}),
    ]


# The statement's edge rules (README.md, `<!-- rule: … -->`) and the cases that exercise each.
RULES = {
    "exact-stream": ["two-sided, small samples", "greater", "default B = 9999", "default seed"],
    "plus-one": ["far apart", "far apart, less"],
    "two-sided": ["two-sided, small samples", "skewed data, two-sided", "heavy tails, two-sided"],
    "direction": ["greater with a negative difference", "unequal sizes, less"],
    "both-groups": ["unequal sizes, less", "skewed data, two-sided"],
    "ties": ["decimal data with ties", "decimal data with ties, less", "equal means, greater", "micro scale"],
}
