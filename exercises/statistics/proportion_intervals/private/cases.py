"""Cases for proportion intervals: both methods at 90, 95 and 99 %, x = 0 and x = n (where
Agresti–Coull needs clipping and Wald collapses), a single trial, and large n."""

from grader.authoring import Case


def visible(rng):
    return [
        Case("Wilson, 12 of 40", [12, 40]),
        Case("Agresti–Coull, 12 of 40", [12, 40], {"method": "agresti_coull"}),
        Case("Wilson, no successes", [0, 15], note="the interval is [0, high] with high > 0"),
    ]


def hidden(rng):
    n = int(rng.integers(5000, 20000))
    return [
        Case("Wilson, all successes", [25, 25]),
        Case("Agresti–Coull, no successes", [0, 20], {"method": "agresti_coull"}),
        Case("Agresti–Coull, all successes", [30, 30], {"method": "agresti_coull"}),
        Case("Agresti–Coull, one failure, 99 %", [19, 20], {"method": "agresti_coull", "confidence": 0.99}),
        Case("Wilson, 90 %", [3, 17], {"confidence": 0.9}),
        Case("Agresti–Coull, 80 %", [7, 11], {"confidence": 0.8, "method": "agresti_coull"}),
        Case("Wilson, single trial", [1, 1], {"method": "wilson"}),
        Case("Agresti–Coull, single trial, 99 %", [0, 1], {"method": "agresti_coull", "confidence": 0.99}),
        Case("Wilson, large n", [int(rng.integers(0, n)), n], {"confidence": 0.99}),
        Case("Agresti–Coull, large n", [int(rng.integers(0, n)), n], {"method": "agresti_coull"}),
    ]


# The statement's edge rules (README.md, `<!-- rule: … -->`) and the cases that exercise each.
RULES = {
    "alpha-split": ["Wilson, 12 of 40", "Agresti–Coull, 12 of 40", "Wilson, 90 %"],
    "wilson-score": ["Wilson, 12 of 40", "Wilson, no successes", "Wilson, all successes"],
    "adds-z-squared": ["Agresti–Coull, 12 of 40", "Agresti–Coull, 80 %", "Agresti–Coull, one failure, 99 %"],
    "clip": ["Agresti–Coull, no successes", "Agresti–Coull, all successes", "Agresti–Coull, single trial, 99 %"],
    "single-trial": ["Wilson, single trial", "Agresti–Coull, single trial, 99 %"],
}
