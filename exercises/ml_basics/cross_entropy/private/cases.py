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
    ]
