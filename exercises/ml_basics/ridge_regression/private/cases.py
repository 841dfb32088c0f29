"""Cases for ridge regression: data far from the origin (so a penalised or missing intercept shows),
lam = 0 (ordinary least squares), lam from 1e-3 to 1e4, N ≤ D, a constant feature column and
D = 1. The targets are a noisy linear function with a large offset."""

from grader.authoring import Case


def _data(rng, n, d, offset=5.0):
    X = rng.normal(size=(n, d)) * rng.uniform(0.5, 3.0, size=d) + rng.normal(size=d) * offset
    y = X @ rng.normal(size=d) + 20.0 + rng.normal(size=n) * 0.5
    return X, y


def visible(rng):
    X, y = _data(rng, 20, 3)
    X0, y0 = _data(rng, 15, 2)
    return [
        Case("20 samples, 3 features, lam = 1", [X, y, 1.0]),
        Case("lam = 0 is ordinary least squares", [X0, y0, 0.0]),
        Case("lam = 10, features far from the origin", [X + 30.0, y, 10.0],
             note="a penalised intercept is pulled towards 0"),
    ]


def hidden(rng):
    X, y = _data(rng, 40, 5)
    Xu, yu = _data(rng, 4, 7)
    Xc, yc = _data(rng, 12, 3)
    Xc[:, 1] = 2.5
    X1, y1 = _data(rng, 9, 1)
    return [
        Case("40 samples, 5 features, lam = 0", [X, y, 0.0]),
        Case("40 samples, 5 features, lam = 3.5", [X, y, 3.5]),
        Case("fewer samples than features, lam = 0.5", [Xu, yu, 0.5]),
        Case("a constant feature column, lam = 2", [Xc, yc, 2.0], note="its weight is 0"),
        Case("one feature, lam = 0.001", [X1, y1, 1e-3]),
        Case("one feature, lam = 0", [X1, y1, 0.0]),
        Case("very large lam", [X, y, 1e4], note="w → 0 and b → mean(y)"),
    ]


# The statement's edge rules (README.md, `<!-- rule: … -->`) and the cases that exercise each.
RULES = {
    "intercept-not-penalised": ["lam = 10, features far from the origin", "40 samples, 5 features, lam = 3.5",
                                "very large lam"],
    "sum-of-squares": ["20 samples, 3 features, lam = 1", "40 samples, 5 features, lam = 3.5"],
    "lam-zero-ols": ["lam = 0 is ordinary least squares", "40 samples, 5 features, lam = 0", "one feature, lam = 0"],
    "underdetermined": ["fewer samples than features, lam = 0.5", "a constant feature column, lam = 2"],
    "inputs-unchanged": ["20 samples, 3 features, lam = 1", "lam = 0 is ordinary least squares"],
}
