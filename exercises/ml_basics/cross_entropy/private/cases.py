"""Cases for cross-entropy: small batches, N = 1 and C = 1, logits near 1000 (break the missing
max shift), a target whose probability underflows (breaks −log(softmax)), varied targets (so
N×N block indexing differs from per-row indexing), and N > 1 (so sum ≠ mean)."""

import numpy as np

from grader.authoring import Case


def _targets(rng, n, c):
    return rng.integers(0, c, size=n).astype(np.int64)


def visible(rng):
    return [
        Case("batch of 4, 3 classes", [rng.normal(size=(4, 3)) * 2, np.array([0, 2, 1, 2], dtype=np.int64)]),
        Case("single sample", [rng.normal(size=(1, 5)), np.array([3], dtype=np.int64)]),
        Case("logits near 1000", [np.array([[1000.0, 1002.0, 999.0], [1001.0, 1000.0, 1003.0]]),
                                  np.array([1, 0], dtype=np.int64)]),
    ]


def hidden(rng):
    return [
        Case("batch of 32, 10 classes", [rng.normal(size=(32, 10)) * 3, _targets(rng, 32, 10)]),
        Case("target probability underflows", [np.array([[0.0, -1000.0, 2.0], [1.0, 0.5, -0.5]]),
                                               np.array([1, 0], dtype=np.int64)]),
        Case("rows offset by hundreds", [rng.normal(size=(8, 6)) * 3 + rng.uniform(-900, 900, size=(8, 1)),
                                         _targets(rng, 8, 6)]),
        Case("one class", [rng.normal(size=(3, 1)), np.zeros(3, dtype=np.int64)]),
        Case("confident and correct", [np.array([[1000.0, 0.0], [0.0, 1000.0]]), np.array([0, 1], dtype=np.int64)]),
        Case("logits near -1000", [rng.normal(size=(5, 4)) - 1000.0, _targets(rng, 5, 4)],
             note="unshifted exponentials all underflow to 0"),
        Case("several underflowing targets", [np.array([[800.0, -300.0, 0.0], [-750.0, 10.0, 20.0], [5.0, 6.0, 7.0]]),
                                              np.array([1, 0, 2], dtype=np.int64)],
             note="two targets have probabilities below 1e-300: their losses are ≈ 1100 and ≈ 770"),
    ]


# The statement's edge rules (README.md, `<!-- rule: … -->`) and the cases that exercise each.
RULES = {
    'mean-reduction': ['batch of 4, 3 classes', 'batch of 32, 10 classes'],
    'large-logits': [
        'logits near 1000',
        'target probability underflows',
        'rows offset by hundreds',
        'logits near -1000',
        'several underflowing targets',
    ],
    'one-class-one-sample': ['one class', 'single sample'],
    'inputs-unchanged': ['batch of 4, 3 classes', 'logits near 1000'],
}
