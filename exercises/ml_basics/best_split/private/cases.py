"""Cases for the best split: small hand-made nodes, repeated values (thresholds only between
distinct values), both criteria on random nodes, exact ties between thresholds, between features
(a duplicated column) and between mathematically equal impurities whose floating-point values
differ, pure children, a pure node, constant features, N = 1, non-contiguous labels and a larger
node."""

import numpy as np

from grader.authoring import Case


def _node(rng, n, d, n_classes, integer=False):
    X = rng.integers(0, 6, size=(n, d)).astype(np.float64) if integer else rng.normal(size=(n, d))
    return X, rng.integers(0, n_classes, size=n).astype(np.int64)


def visible(rng):
    x = np.array([[1.0], [2.0], [3.0], [4.0], [5.0], [6.0], [7.0], [8.0]])
    y = np.array([0, 0, 0, 1, 0, 1, 1, 1], dtype=np.int64)
    X2, y2 = _node(rng, 12, 2, 2)
    Xr = np.array([[1.0], [1.0], [2.0], [2.0], [2.0], [4.0], [4.0], [7.0]])
    yr = np.array([0, 1, 0, 0, 0, 1, 1, 1], dtype=np.int64)
    return [
        Case("one feature, gini", [x, y, "gini"]),
        Case("two features, entropy", [X2, y2, "entropy"]),
        Case("repeated values, gini", [Xr, yr], note="thresholds 1.5, 3 and 5.5 only; criterion left at its default"),
    ]


def hidden(rng):
    X5, y5 = _node(rng, 60, 5, 3)
    Xi, yi = _node(rng, 40, 3, 3, integer=True)
    sym_x = np.array([[1.0], [2.0], [3.0], [4.0]])
    sym_y = np.array([0, 1, 1, 0], dtype=np.int64)
    Xc, yc = _node(rng, 15, 1, 2)
    dup = np.hstack([rng.normal(size=(15, 1)), Xc, Xc])
    dup[:, 0] = np.round(dup[:, 0] * 0.01, 3)  # a weak first feature: the two copies of Xc tie
    perm_x = np.arange(7.0)[:, None] * 0.5
    perm_gini = np.array([1, 1, 2, 0, 1, 2, 2], dtype=np.int64)
    perm_entropy = np.array([2, 1, 0, 0, 2, 0, 1], dtype=np.int64)
    pure_X, _ = _node(rng, 10, 3, 2)
    const = np.hstack([np.full((12, 1), 2.5), rng.normal(size=(12, 2))])
    X2, y2 = _node(rng, 14, 2, 2)
    big_X, big_y = _node(rng, 400, 8, 4)
    big_y[big_X[:, 7] > 0.3] = 3
    return [
        Case("3 classes, 5 features, 60 samples, gini", [X5, y5, "gini"]),
        Case("3 classes, 5 features, 60 samples, entropy", [X5, y5, "entropy"]),
        Case("integer features with many repeats, entropy", [Xi, yi, "entropy"]),
        Case("integer features with many repeats, gini", [Xi, yi, "gini"]),
        Case("two thresholds tie, gini", [sym_x, sym_y, "gini"], note="1.5 and 3.5 score the same: 1.5 wins"),
        Case("two thresholds tie, entropy", [sym_x, sym_y, "entropy"]),
        Case("a duplicated feature: the lower index wins", [dup, yc, "gini"]),
        Case("equal impurities from permuted class counts, gini", [perm_x, perm_gini, "gini"],
             note="thresholds 0.75 and 2.25: class counts (0, 2, 0) | (1, 1, 3) and (1, 3, 1) | (0, 0, 2), "
                  "both 0.4 exactly, not always in floating point"),
        Case("equal impurities from permuted class counts, entropy", [perm_x, perm_entropy, "entropy"],
             note="thresholds 0.25 and 2.75: class counts (0, 0, 1) | (3, 2, 1) and (3, 1, 2) | (0, 1, 0)"),
        Case("pure children, entropy", [np.array([[3.0], [1.0], [2.0], [6.0], [5.0]]),
                                        np.array([0, 0, 0, 1, 1], dtype=np.int64), "entropy"]),
        Case("a pure node", [pure_X, np.full(10, 4, dtype=np.int64), "entropy"],
             note="every split scores 0: the first threshold of feature 0"),
        Case("every feature constant", [np.full((6, 2), 1.5), np.array([0, 1, 1, 0, 0, 1], dtype=np.int64), "gini"]),
        Case("every feature constant, entropy", [np.full((5, 3), -2.0), np.array([2, 2, 7, 7, 7], dtype=np.int64),
                                                 "entropy"]),
        Case("one sample", [np.array([[0.5, 1.0]]), np.array([1], dtype=np.int64), "gini"]),
        Case("a constant first feature", [const, rng.integers(0, 2, size=12).astype(np.int64), "entropy"]),
        Case("labels {3, 8}", [X2 * 3, np.where(y2 == 1, 8, 3).astype(np.int64), "gini"]),
        Case("400 samples, 8 features, 4 classes", [big_X, big_y, "entropy"]),
    ]


# The statement's edge rules (README.md, `<!-- rule: … -->`) and the cases that exercise each.
RULES = {
    "midpoint-thresholds": ["one feature, gini", "repeated values, gini", "integer features with many repeats, gini"],
    "weighted-children": ["one feature, gini", "3 classes, 5 features, 60 samples, gini"],
    "entropy-bits": [
        "two features, entropy",
        "3 classes, 5 features, 60 samples, entropy",
        "pure children, entropy",
    ],
    "ties": [
        "two thresholds tie, gini",
        "two thresholds tie, entropy",
        "a duplicated feature: the lower index wins",
        "equal impurities from permuted class counts, gini",
        "a pure node",
    ],
    "no-split": ["every feature constant", "every feature constant, entropy", "one sample"],
    "inputs-unchanged": ["one feature, gini", "two features, entropy"],
}
