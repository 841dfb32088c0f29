"""Cases for logistic regression: random data, N = 1, w = 0, and separable data with large
weights (|z| up to hundreds: σ(z) rounds to 0 or 1, which breaks log(σ)), with and without
misclassified samples. N > 1 everywhere else, so sums and means differ."""

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
    ]
