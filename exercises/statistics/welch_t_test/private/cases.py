"""Cases for Welch's t-test: unequal sizes and variances, every alternative, n = 2, a constant
sample, p-values near 1 and below 1e-20 (which 1 − cdf rounds to 0), and small samples where the
normal and t tails differ."""

import numpy as np

from grader.authoring import Case


def visible(rng):
    return [
        Case("unequal sizes and variances", [rng.normal(5.0, 1.0, 8), rng.normal(6.2, 3.0, 15)],
             note="two-sided, n_a=8, n_b=15"),
        Case("alternative less", [rng.normal(0.0, 1.0, 10), rng.normal(0.9, 2.0, 12)], {"alternative": "less"}),
        Case("far-apart samples", [rng.normal(0.0, 1.0, 25), rng.normal(6.0, 1.0, 25)],
             note="p-value below 1e-20: compared relatively, 0.0 is wrong"),
    ]


def hidden(rng):
    constant = np.full(6, 3.0)
    return [
        Case("n=2 vs n=3, greater", [np.array([4.1, 5.3]), np.array([2.2, 3.9, 2.7])], {"alternative": "greater"}),
        Case("one constant sample", [rng.normal(3.5, 1.0, 9), constant]),
        Case("greater with a negative t", [rng.normal(0.0, 1.0, 7), rng.normal(1.5, 1.0, 11)],
             {"alternative": "greater"}),
        Case("n=3 vs n=40, less", [rng.normal(-1.0, 4.0, 3), rng.normal(0.5, 0.5, 40)], {"alternative": "less"}),
        Case("far apart, greater", [rng.normal(9.0, 1.5, 30), rng.normal(0.0, 2.0, 20)], {"alternative": "greater"}),
        Case("equal sizes, very unequal variances", [rng.normal(0.0, 0.2, 12), rng.normal(0.7, 5.0, 12)]),
    ]


# The statement's edge rules (README.md, `<!-- rule: … -->`) and the cases that exercise each.
RULES = {
    'constant-sample': ['one constant sample'],
    'fractional-df': ['unequal sizes and variances', 'equal sizes, very unequal variances'],
    'tiny-p': ['far-apart samples', 'far apart, greater'],
    'wrong-side-alternative': ['greater with a negative t'],
}
