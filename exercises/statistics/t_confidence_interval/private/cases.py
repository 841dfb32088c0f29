"""Cases for t confidence intervals: one sample (n = 2 to 500), pooled and Welch two-sample
intervals with unequal sizes and variances, levels 0.80 to 0.99, constant samples."""

import numpy as np

from grader.authoring import Case


def visible(rng):
    return [
        Case("one sample, 95 %", [rng.normal(10.0, 2.0, 12)], note="df = 11"),
        Case("Welch, unequal sizes and variances", [rng.normal(5.0, 1.0, 8), rng.normal(6.0, 3.0, 15)]),
        Case("pooled, 99 %", [rng.normal(1.0, 1.0, 10), rng.normal(0.0, 1.2, 14)],
             {"confidence": 0.99, "equal_var": True}),
    ]


def hidden(rng):
    return [
        Case("one sample of two values", [np.array([3.1, 4.7])], note="df = 1"),
        Case("one sample, 90 %", [rng.normal(-2.0, 0.5, 7)], {"confidence": 0.9}),
        Case("one sample, n = 500", [rng.normal(0.3, 1.0, 500)]),
        Case("constant one sample", [np.full(5, 2.5)]),
        Case("Welch, one constant sample", [rng.normal(3.5, 1.0, 9), np.full(6, 3.0)]),
        Case("pooled, n = 2 and n = 3", [np.array([4.1, 5.3]), np.array([2.2, 3.9, 2.7])],
             {"equal_var": True, "confidence": 0.8}),
        Case("Welch, n = 3 vs n = 40, 99 %", [rng.normal(-1.0, 4.0, 3), rng.normal(0.5, 0.5, 40)],
             {"confidence": 0.99}),
        Case("pooled, unequal sizes and variances", [rng.normal(0.0, 0.3, 6), rng.normal(0.5, 3.0, 30)],
             {"equal_var": True}),
        Case("Welch, n = 400 and n = 300", [rng.normal(0.0, 1.0, 400), rng.normal(0.1, 2.0, 300)],
             {"equal_var": False}),
    ]


# The statement's edge rules (README.md, `<!-- rule: … -->`) and the cases that exercise each.
RULES = {
    "alpha-split": ["one sample, 95 %", "one sample, 90 %", "pooled, 99 %"],
    "t-quantile": ["one sample, n = 500", "Welch, n = 400 and n = 300"],
    "sample-variance": ["one sample, 95 %", "Welch, unequal sizes and variances"],
    "pooled-or-welch": ["pooled, unequal sizes and variances", "Welch, n = 3 vs n = 40, 99 %"],
    "two-values": ["one sample of two values", "pooled, n = 2 and n = 3"],
    "constant-sample": ["constant one sample", "Welch, one constant sample"],
}
