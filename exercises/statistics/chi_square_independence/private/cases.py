"""Cases for the chi-square test of independence: 2×2 tables with and without Yates' correction
(including one with |O − E| < 0.5, where the capped correction gives 0), larger tables with
correction=True (never corrected), a single-row table (dof 0), a zero cell and a tiny p-value."""

import numpy as np

from grader.authoring import Case


def visible(rng):
    return [
        Case("2×2 with Yates", [np.array([[12, 5], [7, 15]])]),
        Case("3×4, correction=True", [rng.integers(5, 40, size=(3, 4))], note="dof 6: no correction"),
        Case("single row", [np.array([[4, 9, 2]])], note="dof 0: chi2 = 0, p = 1"),
    ]


def hidden(rng):
    return [
        Case("2×2 without correction", [np.array([[30, 14], [21, 35]])], {"correction": False}),
        Case("2×2 with |O − E| < 0.5", [np.array([[10, 10], [10, 11]])], note="Yates moves O onto E: chi2 = 0"),
        Case("2×3, correction=True", [np.array([[8, 15, 22], [19, 11, 6]])]),
        Case("5×2 random", [rng.integers(1, 30, size=(5, 2))], {"correction": True}),
        Case("single column", [np.array([[7], [3], [12], [5]])]),
        Case("2×2 with a zero cell", [np.array([[0, 9], [6, 4]])]),
        Case("strong association, tiny p-value", [np.array([[90, 30, 20], [25, 80, 30], [20, 25, 95]])]),
        Case("2×2 strong association, tiny p-value", [np.array([[400, 20], [30, 500]])],
             note="p far below 1e-16: 1 − cdf gives 0, which is wrong"),
        Case("2×2 with |O − E| ≈ 0.26", [np.array([[5, 6], [6, 6]])], note="the correction is capped at |O − E|"),
    ]


# The statement's edge rules (README.md, `<!-- rule: … -->`) and the cases that exercise each.
RULES = {
    'yates-dof-one': [
        '2×2 with Yates',
        '2×2 with |O − E| < 0.5',
        '2×2 with |O − E| ≈ 0.26',
        '3×4, correction=True',
        '2×2 without correction',
    ],
    'dof-zero': ['single row', 'single column'],
    'tiny-p': ['strong association, tiny p-value', '2×2 strong association, tiny p-value'],
    'dof-int': ['2×2 with Yates', '3×4, correction=True'],
}
