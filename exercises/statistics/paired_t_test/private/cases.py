"""Cases for the paired t-test: strong subject effects (so ignoring the pairing changes the answer
a lot), every alternative, n = 2 and n = 3 (heavy t tails), and the direction of the difference."""

import numpy as np

from grader.authoring import Case


def _pairs(rng, n, shift, subject_sd=10.0, noise_sd=1.0):
    """Measurements of n subjects before and after; `after` is `shift` higher on average."""
    base = rng.normal(50.0, subject_sd, n)
    return base + rng.normal(0.0, noise_sd, n), base + shift + rng.normal(0.0, noise_sd, n)


def visible(rng):
    return [
        Case("12 subjects, two-sided", list(_pairs(rng, 12, -0.8)), note="before tends to be larger"),
        Case("8 subjects, greater", list(_pairs(rng, 8, -0.6)), {"alternative": "greater"}),
        Case("two subjects", [np.array([10.0, 12.5]), np.array([9.0, 12.0])], note="1 degree of freedom"),
    ]


def hidden(rng):
    return [
        Case("20 subjects, less", list(_pairs(rng, 20, 0.5)), {"alternative": "less"}),
        Case("greater with a negative t", list(_pairs(rng, 10, 0.9)), {"alternative": "greater"}),
        Case("three subjects, less", [np.array([3.1, 4.0, 5.2]), np.array([3.9, 4.4, 6.5])],
             {"alternative": "less"}),
        Case("40 subjects, small shift", list(_pairs(rng, 40, 0.3, noise_sd=0.8))),
        Case("large differences", list(_pairs(rng, 6, -4.0, subject_sd=2.0)), {"alternative": "two-sided"}),
    ]


# The statement's edge rules (README.md, `<!-- rule: … -->`) and the cases that exercise each.
RULES = {
    'direction': ['12 subjects, two-sided', '8 subjects, greater', '20 subjects, less'],
    'n-two': ['two subjects'],
    'differences-vary': ['40 subjects, small shift'],
    'wrong-side-alternative': ['greater with a negative t'],
}
