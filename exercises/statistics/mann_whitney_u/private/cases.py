"""Cases for the Mann–Whitney U test: continuous samples (no ties), rating-scale samples with
heavy ties across and within the samples, every alternative in both directions, unequal sizes,
a single-value sample, identical samples (p capped at 1) and far-apart samples (p < 1e-20)."""

import numpy as np

from grader.authoring import Case


def visible(rng):
    return [
        Case("continuous, two-sided", [rng.normal(0.0, 1.0, 9), rng.normal(0.8, 1.0, 12)]),
        Case("ratings with ties, greater", [rng.integers(2, 6, 15).astype(float), rng.integers(1, 5, 11).astype(float)],
             {"alternative": "greater"}, note="values 1..5: midranks and the tie correction matter"),
        Case("documented ranks", [np.array([2.0, 5.0, 7.0]), np.array([5.0, 1.0])], note="ranks 2, 3.5, 5 for x"),
    ]


def hidden(rng):
    same = rng.integers(0, 4, 10).astype(float)
    return [
        Case("ties within one sample only", [np.array([1.0, 1.0, 1.0, 4.0, 6.0]), np.array([2.0, 3.0, 5.0, 7.0])]),
        Case("less, x smaller", [rng.normal(-1.0, 1.0, 14), rng.normal(0.0, 1.0, 10)], {"alternative": "less"}),
        Case("greater, x smaller", [rng.normal(-0.7, 1.0, 8), rng.normal(0.0, 1.0, 13)], {"alternative": "greater"}),
        Case("less with ties, x larger", [rng.integers(3, 8, 20).astype(float), rng.integers(0, 5, 25).astype(float)],
             {"alternative": "less"}),
        Case("identical samples", [same, same.copy()], note="U₁ = μ: two-sided p capped at 1"),
        Case("single value in x", [np.array([0.4]), rng.normal(0.0, 1.0, 7)]),
        Case("far apart, two-sided", [rng.normal(0.0, 1.0, 60), rng.normal(5.0, 1.0, 70)]),
        Case("far apart, greater", [rng.normal(6.0, 1.0, 50), rng.normal(0.0, 1.0, 40)], {"alternative": "greater"}),
        Case("binary outcomes", [rng.integers(0, 2, 30).astype(float), rng.integers(0, 2, 25).astype(float)]),
    ]


# The statement's edge rules (README.md, `<!-- rule: … -->`) and the cases that exercise each.
RULES = {
    "midranks": ["documented ranks", "ratings with ties, greater", "binary outcomes"],
    "tie-correction": ["ratings with ties, greater", "ties within one sample only", "binary outcomes"],
    "continuity": ["continuous, two-sided", "less, x smaller"],
    "u-of-x": ["continuous, two-sided", "less, x smaller", "far apart, greater"],
    "direction": ["greater, x smaller", "less with ties, x larger"],
    "cap-at-one": ["identical samples"],
    "tiny-p": ["far apart, two-sided", "far apart, greater"],
}
