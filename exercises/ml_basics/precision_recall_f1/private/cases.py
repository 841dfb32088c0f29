"""Cases for precision/recall/F1: a small hand-made example, a class never predicted, a class that
never occurs, a class absent from both arrays, perfect and all-wrong predictions, one class,
unbalanced classes (macro and micro far apart) and a larger random instance."""

import numpy as np

from grader.authoring import Case


def _noisy(rng, n, c, accuracy, p=None):
    y_true = rng.choice(c, size=n, p=p).astype(np.int64)
    y_pred = np.where(rng.random(n) < accuracy, y_true, rng.integers(0, c, size=n)).astype(np.int64)
    return y_true, y_pred


def visible(rng):
    y_true = np.array([0, 0, 1, 1, 2, 2, 2, 1], dtype=np.int64)
    y_pred = np.array([0, 1, 1, 1, 2, 0, 0, 0], dtype=np.int64)
    never_pred = (np.array([0, 1, 2, 2, 1, 0, 2], dtype=np.int64), np.array([0, 1, 1, 1, 1, 0, 0], dtype=np.int64))
    return [
        Case("3 classes, 8 samples", [y_true, y_pred, 3]),
        Case("class 2 is never predicted", [*never_pred, 3], note="its precision is 0/0 → 0"),
        Case("class 3 appears in neither array", [y_true, y_pred, 4], note="macro averages divide by 4"),
    ]


def hidden(rng):
    yt, yp = _noisy(rng, 200, 5, 0.6)
    ut, up = _noisy(rng, 300, 4, 0.7, p=[0.85, 0.1, 0.04, 0.01])
    bt, bp = _noisy(rng, 50_000, 10, 0.5)
    never_occurs = (np.array([0, 0, 1, 1, 0], dtype=np.int64), np.array([0, 2, 1, 2, 0], dtype=np.int64))
    return [
        Case("5 classes, 200 samples", [yt, yp, 5]),
        Case("unbalanced classes: 85 %, 10 %, 4 %, 1 %", [ut, up, 4]),
        Case("class 2 is predicted but never occurs", [*never_occurs, 3], note="its recall is 0/0 → 0"),
        Case("classes 5 to 7 absent from both", [yt, yp, 8]),
        Case("a class both never predicted and absent, another all wrong",
             [np.array([0, 0, 1, 1, 1], dtype=np.int64), np.array([1, 1, 0, 0, 0], dtype=np.int64), 3],
             note="every TP is 0: every F1 is 0/0 → 0"),
        Case("perfect predictions", [yt, yt.copy(), 5]),
        Case("one class", [np.zeros(6, dtype=np.int64), np.zeros(6, dtype=np.int64), 1]),
        Case("one sample, two classes", [np.array([1], dtype=np.int64), np.array([0], dtype=np.int64), 2]),
        Case("50 000 samples, 10 classes", [bt, bp, 10]),
    ]


# The statement's edge rules (README.md, `<!-- rule: … -->`) and the cases that exercise each.
RULES = {
    "zero-division": [
        "class 2 is never predicted",
        "class 2 is predicted but never occurs",
        "a class both never predicted and absent, another all wrong",
    ],
    "macro-all-classes": ["class 3 appears in neither array", "classes 5 to 7 absent from both"],
    "macro-f1-mean": ["3 classes, 8 samples", "unbalanced classes: 85 %, 10 %, 4 %, 1 %"],
    "micro-pooled": ["3 classes, 8 samples", "unbalanced classes: 85 %, 10 %, 4 %, 1 %"],
    "inputs-unchanged": ["3 classes, 8 samples", "class 2 is never predicted"],
}
