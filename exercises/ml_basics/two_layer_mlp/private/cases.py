"""Cases for the two-layer network: random networks (hidden units active on some samples only),
dead hidden units whose pre-activation is exactly 0 on every sample (zero weights and bias), N = 1,
and an output layer scaled so that scores reach ±1000."""

import numpy as np

from grader.authoring import Case


def _network(rng, n, d, h, c, out_scale=1.0):
    X = rng.normal(size=(n, d))
    y = rng.integers(0, c, size=n).astype(np.int64)
    W1, b1 = rng.normal(size=(d, h)), rng.normal(size=h) * 0.5
    W2, b2 = rng.normal(size=(h, c)) * out_scale, rng.normal(size=c) * 0.5
    return [X, y, W1, b1, W2, b2]


def _dead_units(rng, n, d, h, c, dead):
    """Hidden units `dead` have zero weights and bias: pre-activation exactly 0 for every sample."""
    case = _network(rng, n, d, h, c)
    case[2][:, dead] = 0.0
    case[3][dead] = 0.0
    return case


def visible(rng):
    return [
        Case("6 samples, 4 inputs, 5 hidden, 3 classes", _network(rng, 6, 4, 5, 3)),
        Case("hidden units with pre-activation exactly 0", _dead_units(rng, 5, 3, 4, 3, [1, 3]),
             note="units 1 and 3 have zero weights and bias"),
        Case("one sample", _network(rng, 1, 3, 4, 2)),
    ]


def hidden(rng):
    return [
        Case("32 samples, 10 inputs, 16 hidden, 5 classes", _network(rng, 32, 10, 16, 5)),
        Case("a dead unit in a larger network", _dead_units(rng, 20, 6, 8, 4, [5])),
        Case("scores near ±1000", _network(rng, 10, 5, 6, 4, out_scale=400.0)),
        Case("more classes than samples", _network(rng, 3, 4, 3, 7)),
    ]


# The statement's edge rules (README.md, `<!-- rule: … -->`) and the cases that exercise each.
RULES = {
    "relu-at-zero": ["hidden units with pre-activation exactly 0", "a dead unit in a larger network"],
    "mean-reduction": ["6 samples, 4 inputs, 5 hidden, 3 classes", "32 samples, 10 inputs, 16 hidden, 5 classes"],
    "bias-gradient-sum": ["6 samples, 4 inputs, 5 hidden, 3 classes", "32 samples, 10 inputs, 16 hidden, 5 classes"],
    "large-scores": ["scores near ±1000"],
    "one-sample": ["one sample"],
    "inputs-unchanged": ["6 samples, 4 inputs, 5 hidden, 3 classes", "one sample"],
}
