"""Cases for the two-proportion z-test: unequal group sizes, every alternative, rates far from 1/2
(where pooled and unpooled SE differ most), p-values far below 1e-16, equal rates and the
degenerate pooled rates 0 and 1."""

from grader.authoring import Case


def visible(rng):
    return [
        Case("A/B test, two-sided", [120, 1000, 151, 1100], note="12.0% vs 13.7%"),
        Case("small groups, greater", [18, 40, 9, 45], {"alternative": "greater"}),
        Case("no successes at all", [0, 50, 0, 60], note="pooled rate 0: z = 0, p = 1"),
    ]


def hidden(rng):
    n_a, n_b = (int(n) for n in rng.integers(300, 900, size=2))
    x_a, x_b = int(rng.binomial(n_a, 0.08)), int(rng.binomial(n_b, 0.05))
    return [
        Case("less, unequal sizes", [x_b, n_b, x_a, n_a], {"alternative": "less"}),
        Case("large groups, tiny p-value", [5000, 20000, 3000, 20000]),
        Case("equal rates", [30, 100, 60, 200], {"alternative": "greater"}),
        Case("all successes, greater", [20, 20, 35, 35], {"alternative": "greater"}),
        Case("greater with a negative z", [45, 300, 70, 310], {"alternative": "greater"}),
        Case("tiny groups, two-sided", [2, 5, 6, 7]),
        Case("rare events, less with a tiny p-value", [3, 40000, 140, 50000], {"alternative": "less"}),
    ]


# The statement's edge rules (README.md, `<!-- rule: … -->`) and the cases that exercise each.
RULES = {
    'zero-se': ['no successes at all', 'all successes, greater'],
    'equal-rates': ['equal rates'],
    'tiny-p': ['large groups, tiny p-value', 'rare events, less with a tiny p-value'],
    'unequal-sizes': ['less, unequal sizes'],
}
