"""Cases for Gaussian naive Bayes: well-separated and overlapping classes of unequal sizes, a
feature constant within a class, a class with one point, var_smoothing large enough to matter on
features of very different scales, test points far from every class, non-contiguous labels, one
feature and a larger instance."""

import numpy as np

from grader.authoring import Case


def _classes(rng, sizes, d, spread=2.0, scale=1.0):
    X = np.concatenate([rng.normal(size=(n, d)) * rng.uniform(0.5, 2.0, size=d) + rng.normal(size=d) * spread
                        for n in sizes]) * scale
    y = np.repeat(np.arange(len(sizes), dtype=np.int64), sizes)
    order = rng.permutation(len(y))
    return X[order], y[order]


def visible(rng):
    X, y = _classes(rng, [6, 6], 2)
    X3, y3 = _classes(rng, [3, 9, 5], 2)
    Xc, yc = _classes(rng, [5, 7], 3)
    Xc[yc == 1, 2] = 4.0  # feature 2 is constant within class 1
    return [
        Case("two classes, 2 features", [X, y, rng.normal(size=(5, 2)) * 2]),
        Case("three classes of sizes 3, 9 and 5", [X3, y3, rng.normal(size=(6, 2)) * 2]),
        Case("a feature constant within one class", [Xc, yc, np.vstack([rng.normal(size=(3, 3)), [[0.0, 0.0, 4.0]]])],
             note="its variance in class 1 is 0 before smoothing; the last test point sits exactly on it"),
    ]


def hidden(rng):
    X4, y4 = _classes(rng, [60, 20, 90, 30], 5)
    Xs, ys = _classes(rng, [10, 14], 3)
    Xs *= np.array([100.0, 1.0, 0.01])
    Xone, yone = _classes(rng, [1, 8, 6], 2)
    Xl, yl = _classes(rng, [7, 12, 5], 3)
    twins = np.repeat(np.array([9, 4], dtype=np.int64), len(Xl))  # the same points, labelled 9 then 4
    Xz, yz = _classes(rng, [6, 6, 6], 4)
    Xz[yz == 0, 1] = -1.0
    Xz[yz == 2, 3] = 2.5
    Xb, yb = _classes(rng, [300, 500, 200], 20)
    return [
        Case("4 classes, 5 features, 200 points", [X4, y4, rng.normal(size=(40, 5)) * 3]),
        Case("var_smoothing = 0.01, features on scales 100, 1 and 0.01", [Xs, ys, rng.normal(size=(8, 3)) * [100, 1, 0.01]],
             {"var_smoothing": 0.01}),
        Case("var_smoothing = 0.5", [X4, y4, rng.normal(size=(10, 5)) * 3], {"var_smoothing": 0.5}),
        Case("test points far from every class", [X4, y4, rng.normal(size=(6, 5)) * 1e3 + 5e3],
             note="joint log-likelihoods around −10⁶: exp underflows to 0 for every class"),
        Case("far points, two classes", [Xs, ys, np.array([[1e5, -300.0, 40.0], [-2e4, 900.0, -7.0]])]),
        Case("a class with a single point", [Xone, yone, rng.normal(size=(6, 2)) * 2]),
        Case("labels {2, 7, 11}", [Xl, np.array([2, 7, 11], dtype=np.int64)[yl], rng.normal(size=(8, 3)) * 2]),
        Case("features constant within two classes", [Xz, yz, rng.normal(size=(6, 4)) * 2]),
        Case("classes 4 and 9 with identical points", [np.vstack([Xl, Xl]), twins, rng.normal(size=(5, 3)) * 2],
             note="both classes have the same mean, variances and prior: every row is a tie, won by label 4"),
        Case("one feature", [X4[:, :1], y4, rng.normal(size=(7, 1)) * 3]),
        Case("1000 points, 20 features, 3 classes", [Xb, yb, rng.normal(size=(300, 20)) * 2]),
    ]


# The statement's edge rules (README.md, `<!-- rule: … -->`) and the cases that exercise each.
RULES = {
    "priors-from-frequencies": ["three classes of sizes 3, 9 and 5", "4 classes, 5 features, 200 points"],
    "biased-variance": ["two classes, 2 features", "a class with a single point"],
    "var-smoothing": [
        "a feature constant within one class",
        "var_smoothing = 0.01, features on scales 100, 1 and 0.01",
        "var_smoothing = 0.5",
        "features constant within two classes",
    ],
    "log-space": ["test points far from every class", "far points, two classes"],
    "labels-as-given": ["labels {2, 7, 11}"],
    "ties-smallest-label": ["classes 4 and 9 with identical points"],
    "inputs-unchanged": ["two classes, 2 features", "a feature constant within one class"],
}
