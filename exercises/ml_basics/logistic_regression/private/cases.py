"""Cases for logistic regression: random data, N = 1, w = 0, and separable data with large
weights (|z| beyond 1000: σ(z) rounds to 0 or 1, which breaks log(σ), and exp(−z) overflows), with and
without misclassified samples, on both signs of z. N > 1 everywhere else, so sums and means differ."""

import numpy as np

from grader.authoring import Case


def _data(rng, n, d, scale=1.0):
    X = rng.normal(size=(n, d))
    w = rng.normal(size=d) * scale
    y = (rng.random(n) < 0.5).astype(np.float64)
    return w, X, y


def visible(rng):
    w, X, y = _data(rng, 8, 3)
    w1, X1, y1 = _data(rng, 1, 4)
    return [
        Case("8 samples, 3 features", [w, 0.3, X, y]),
        Case("one sample", [w1, -0.7, X1, y1]),
        Case("zero weights", [np.zeros(3), 0.0, X, y], note="loss = log 2"),
    ]


def hidden(rng):
    w, X, y = _data(rng, 50, 5)
    X_sep = rng.normal(size=(20, 2))
    w_sep = np.array([40.0, -25.0])
    y_sep = (X_sep @ w_sep + 5.0 > 0).astype(np.float64)
    y_flip = y_sep.copy()
    y_flip[:3] = 1 - y_flip[:3]
    return [
        Case("50 samples, 5 features", [w, 1.2, X, y]),
        Case("separable data, large weights", [w_sep, 5.0, X_sep, y_sep]),
        Case("large weights, three misclassified", [w_sep * 10, 5.0, X_sep, y_flip]),
        Case("all labels 1", [w * 0.5, -0.2, X, np.ones(50)]),
        Case("|z| beyond 1000, correctly classified", [w_sep * 12, 0.0, X_sep, (X_sep @ w_sep > 0).astype(np.float64)],
             note="σ(z) is exactly 0 or 1 in float64: every loss term is tiny, none is NaN"),
        Case("|z| beyond 1000, every label wrong", [w_sep * 12, 0.0, X_sep, (X_sep @ w_sep <= 0).astype(np.float64)],
             note="every loss term is ≈ |z|, none is inf"),
    ]


# The statement's edge rules (README.md, `<!-- rule: … -->`) and the cases that exercise each.
RULES = {
    'mean-reduction': ['8 samples, 3 features', '50 samples, 5 features'],
    'large-z': [
        'separable data, large weights',
        'large weights, three misclassified',
        '|z| beyond 1000, correctly classified',
        '|z| beyond 1000, every label wrong',
    ],
    'n-one-and-zero-weights': ['one sample', 'zero weights'],
    'inputs-unchanged': ['8 samples, 3 features', 'one sample'],
}
