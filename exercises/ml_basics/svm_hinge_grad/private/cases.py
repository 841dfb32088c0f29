"""Cases for the multiclass SVM: random problems with and without regularisation, N = 1, a batch
where every margin is satisfied, and integer problems with margins of exactly 0 (ties at the
kink). Scores are spread so most samples have several positive margins."""

import numpy as np

from grader.authoring import Case


def _problem(rng, n, d, c, scale=1.0):
    W = rng.normal(size=(d, c)) * scale
    X = rng.normal(size=(n, d))
    y = rng.integers(0, c, size=n).astype(np.int64)
    return [W, X, y]


def _integer_ties(rng, n, d, c):
    """Small integer weights and inputs: exact integer scores, with many margins exactly 0."""
    while True:
        W = rng.integers(-2, 3, size=(d, c)).astype(np.float64)
        X = rng.integers(-2, 3, size=(n, d)).astype(np.float64)
        y = rng.integers(0, c, size=n).astype(np.int64)
        s = X @ W
        margins = s - s[np.arange(n), y][:, None] + 1
        margins[np.arange(n), y] = -1
        if (margins == 0).sum() >= 3 and (margins > 0).sum() >= 3:
            return [W, X, y]


def visible(rng):
    satisfied = _problem(rng, 5, 3, 4)
    satisfied[2] = np.argmax(satisfied[1] @ satisfied[0], axis=1).astype(np.int64)
    satisfied[0] = satisfied[0] * 50
    return [
        Case("10 samples, 4 features, 3 classes, reg = 0.1", _problem(rng, 10, 4, 3) + [0.1]),
        Case("integer scores with margins of exactly 0", _integer_ties(rng, 8, 3, 4) + [0.0]),
        Case("every margin satisfied", satisfied + [0.0], note="data loss 0: only the correct class is far ahead"),
    ]


def hidden(rng):
    return [
        Case("60 samples, 8 features, 6 classes, reg = 0.5", _problem(rng, 60, 8, 6) + [0.5]),
        Case("one sample, no regularisation", _problem(rng, 1, 5, 4, scale=2.0) + [0.0]),
        Case("two classes, reg = 2", _problem(rng, 9, 3, 2) + [2.0]),
        Case("integer ties, reg = 0.25", _integer_ties(rng, 12, 4, 5) + [0.25]),
        Case("wide scores, no regularisation", _problem(rng, 20, 6, 10, scale=3.0) + [0.0]),
    ]


# The statement's edge rules (README.md, `<!-- rule: … -->`) and the cases that exercise each.
RULES = {
    "correct-class-excluded": ["10 samples, 4 features, 3 classes, reg = 0.1", "every margin satisfied"],
    "correct-class-count": ["10 samples, 4 features, 3 classes, reg = 0.1", "wide scores, no regularisation"],
    "zero-margin": ["integer scores with margins of exactly 0", "integer ties, reg = 0.25"],
    "mean-reduction": ["10 samples, 4 features, 3 classes, reg = 0.1", "60 samples, 8 features, 6 classes, reg = 0.5"],
    "small-and-satisfied": ["one sample, no regularisation", "every margin satisfied"],
    "inputs-unchanged": ["10 samples, 4 features, 3 classes, reg = 0.1", "integer scores with margins of exactly 0"],
}
