"""Cases for the two-proportion sample size: small and large effects, other alpha and power,
proportions of 0 and 1, swapped arguments; every answer's unrounded value is far from an integer
and agrees with statsmodels' NormalIndPower after rounding up."""

from grader.authoring import Case


def visible(rng):
    return [
        Case("50% vs 60%, defaults", [0.5, 0.6], note="unrounded 387.17"),
        Case("small effect", [0.10, 0.12]),
        Case("large effect", [0.2, 0.8]),
    ]


def hidden(rng):
    return [
        Case("alpha 0.01, power 0.9", [0.3, 0.25], {"alpha": 0.01, "power": 0.9}),
        Case("zero proportion", [0.0, 0.1]),
        Case("proportion of one", [0.95, 1.0]),
        Case("power 0.95, p2 < p1", [0.05, 0.04], {"power": 0.95}),
        Case("swapped arguments", [0.6, 0.5]),
        Case("alpha 0.1", [0.45, 0.52], {"alpha": 0.1}),
        Case("rare events", [0.01, 0.015]),
        Case("power 0.99", [0.4, 0.9], {"power": 0.99}),
    ]


# The statement's edge rules (README.md, `<!-- rule: … -->`) and the cases that exercise each.
RULES = {
    'round-up': ['50% vs 60%, defaults'],
    'per-group': ['50% vs 60%, defaults', 'small effect'],
    'order-free': ['swapped arguments', 'power 0.95, p2 < p1'],
    'zero-and-one': ['zero proportion', 'proportion of one'],
    'two-sided': ['alpha 0.01, power 0.9', 'alpha 0.1'],
}
