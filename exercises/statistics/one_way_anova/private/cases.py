"""Cases for one-way ANOVA: equal and unequal group sizes (mean of means ≠ grand mean), two and
six groups, groups with no difference, well-separated groups with p < 1e-29, a single-value group
and a constant group."""

import numpy as np

from grader.authoring import Case


def visible(rng):
    return [
        Case("three equal groups", [[rng.normal(0.0, 1.0, 10), rng.normal(0.5, 1.0, 10), rng.normal(1.0, 1.0, 10)]]),
        Case("unequal sizes", [[rng.normal(5.0, 2.0, 4), rng.normal(6.0, 2.0, 25), rng.normal(4.0, 2.0, 9)]]),
        Case("well separated", [[rng.normal(0.0, 1.0, 30), rng.normal(3.0, 1.0, 30), rng.normal(6.0, 1.0, 30)]],
             note="p-value below 1e-30"),
    ]


def hidden(rng):
    return [
        Case("two groups", [[rng.normal(0.0, 1.0, 12), rng.normal(0.8, 1.0, 7)]]),
        Case("six groups", [[rng.normal(mu, 1.5, n)
                             for mu, n in zip([0, 0.2, 0.1, 0.9, 0.4, 0.3], [5, 8, 13, 6, 20, 3], strict=True)]]),
        Case("no difference", [[rng.normal(2.0, 1.0, 15), rng.normal(2.0, 1.0, 11), rng.normal(2.0, 1.0, 19)]]),
        Case("single-value group", [[np.array([4.2]), rng.normal(3.0, 1.0, 8), rng.normal(3.5, 1.0, 6)]]),
        Case("constant group", [[np.full(5, 1.0), rng.normal(1.5, 0.5, 9), rng.normal(0.5, 0.5, 4)]]),
        Case("separated, unequal sizes", [[rng.normal(0.0, 1.0, 80), rng.normal(2.5, 1.0, 15), rng.normal(-2.0, 1.0, 40)]]),
    ]


# The statement's edge rules (README.md, `<!-- rule: … -->`) and the cases that exercise each.
RULES = {
    "grand-mean": ["unequal sizes", "six groups", "separated, unequal sizes"],
    "weighted-between": ["three equal groups", "unequal sizes", "two groups"],
    "degrees-of-freedom": ["three equal groups", "two groups", "six groups"],
    "tiny-p": ["well separated", "separated, unequal sizes"],
    "small-groups": ["single-value group", "constant group"],
}
