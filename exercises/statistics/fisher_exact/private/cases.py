"""Cases for Fisher's exact test: skewed margins (doubling ≠ the two-sided sum), symmetric tables
whose mirror is exactly as likely (which an exact `<=` or a strict `<` loses), both one-sided
tails, zero margins, a zero cell, and a strongly associated table with p < 1e-40."""

import numpy as np

from grader.authoring import Case


def table(a, b, c, d):
    return np.array([[a, b], [c, d]], dtype=np.int64)


def visible(rng):
    return [
        Case("tea tasting, skewed margins", [table(8, 2, 1, 5)]),
        Case("symmetric table", [table(4, 6, 6, 4)], note="the mirror table [[6, 4], [4, 6]] is exactly as likely"),
        Case("greater", [table(7, 3, 2, 8)], {"alternative": "greater"}),
    ]


def hidden(rng):
    return [
        Case("symmetric, small p", [table(8, 3, 3, 8)]),
        Case("symmetric, 3 and 10", [table(3, 10, 10, 3)]),
        Case("symmetric, 2 and 7", [table(2, 7, 7, 2)]),
        Case("symmetric, 10 and 14", [table(10, 14, 14, 10)]),
        Case("less", [table(1, 9, 6, 4)], {"alternative": "less"}),
        Case("less on the wrong side", [table(9, 1, 3, 7)], {"alternative": "less"}),
        Case("unbalanced margins", [table(2, 30, 9, 14)]),
        Case("unbalanced, other side", [table(12, 3, 40, 45)]),
        Case("zero cell", [table(0, 12, 7, 5)]),
        Case("zero row", [table(0, 0, 6, 9)]),
        Case("zero column, greater", [table(0, 4, 0, 9)], {"alternative": "greater"}),
        Case("strong association", [table(100, 3, 2, 120)]),
        Case("large counts", [table(*(int(v) for v in rng.integers(150, 450, 4)))]),
    ]


# The statement's edge rules (README.md, `<!-- rule: … -->`) and the cases that exercise each.
RULES = {
    "as-or-less-likely": ["tea tasting, skewed margins", "unbalanced margins", "unbalanced, other side"],
    "relative-tolerance": ["symmetric table", "symmetric, small p", "symmetric, 2 and 7"],
    "one-sided": ["greater", "less", "less on the wrong side"],
    "degenerate-margins": ["zero row", "zero column, greater"],
    "tiny-p": ["strong association"],
}
