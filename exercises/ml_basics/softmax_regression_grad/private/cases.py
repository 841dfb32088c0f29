"""Cases for the softmax classifier: small random problems with and without regularisation, N = 1,
repeated labels and absent classes, and scores near ±1000 where the correct class of some samples
has a probability that underflows to 0 (unshifted exp overflows; log(P) gives inf)."""

import numpy as np

from grader.authoring import Case


def _problem(rng, n, d, c, scale=0.5):
    W = rng.normal(size=(d, c)) * scale
    X = rng.normal(size=(n, d))
    y = rng.integers(0, c, size=n).astype(np.int64)
    return [W, X, y]


def _large(rng, n, d, c):
    """Scores around ±1000 with the label of the first half of the samples set to their worst class."""
    W, X, y = _problem(rng, n, d, c, scale=400.0)
    worst = np.argmin(X @ W, axis=1)
    y[: n // 2] = worst[: n // 2]
    return [W, X, y]


def visible(rng):
    return [
        Case("8 samples, 4 features, 3 classes, reg = 0.1", _problem(rng, 8, 4, 3) + [0.1]),
        Case("no regularisation", _problem(rng, 6, 3, 4) + [0.0]),
        Case("scores near ±1000", _large(rng, 6, 3, 4) + [0.0],
             note="three samples have a correct-class probability that underflows to 0"),
    ]


def hidden(rng):
    one = _problem(rng, 1, 5, 3)
    repeated = _problem(rng, 10, 3, 6)
    repeated[2] = np.array([1, 1, 4, 1, 4, 4, 1, 1, 4, 1], dtype=np.int64)
    return [
        Case("50 samples, 10 features, 7 classes, reg = 0.5", _problem(rng, 50, 10, 7) + [0.5]),
        Case("one sample, reg = 0.05", one + [0.05]),
        Case("two classes, strong regularisation", _problem(rng, 12, 4, 2) + [3.0]),
        Case("repeated labels, absent classes", repeated + [0.2]),
        Case("large scores, reg = 1e-4", _large(rng, 10, 4, 5) + [1e-4]),
    ]


# The statement's edge rules (README.md, `<!-- rule: … -->`) and the cases that exercise each.
RULES = {
    "reg-convention": ["8 samples, 4 features, 3 classes, reg = 0.1", "50 samples, 10 features, 7 classes, reg = 0.5",
                       "two classes, strong regularisation"],
    "mean-reduction": ["8 samples, 4 features, 3 classes, reg = 0.1", "no regularisation"],
    "large-scores": ["scores near ±1000", "large scores, reg = 1e-4"],
    "small-and-unregularised": ["one sample, reg = 0.05", "no regularisation", "repeated labels, absent classes"],
    "inputs-unchanged": ["8 samples, 4 features, 3 classes, reg = 0.1", "scores near ±1000"],
}
