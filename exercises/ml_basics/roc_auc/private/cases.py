"""Cases for ROC AUC: scores without ties, ties within and across classes (in both input orders),
all scores equal, perfect and inverted rankings, one class only (both ways), a single positive,
negative and large scores, and 200 000 samples with many ties."""

import numpy as np

from grader.authoring import Case


def _labels(rng, n, p=0.4):
    y = (rng.random(n) < p).astype(np.int64)
    y[:2] = [0, 1]  # both classes present
    return rng.permutation(y)


def visible(rng):
    y = np.array([0, 0, 1, 1, 0, 1, 0, 1], dtype=np.int64)
    s = np.array([0.1, 0.4, 0.35, 0.8, 0.2, 0.9, 0.7, 0.05])
    ty = np.array([1, 0, 0, 1, 1, 0, 0], dtype=np.int64)
    ts = np.array([0.5, 0.5, 0.2, 0.9, 0.2, 0.7, 0.5])
    return [
        Case("8 samples, no ties", [y, s]),
        Case("tied scores across the classes", [ty, ts], note="0.5 is shared by one positive and two negatives"),
        Case("only positives", [np.ones(4, dtype=np.int64), np.array([0.3, 0.1, 0.9, 0.4])], note="undefined: nan"),
    ]


def hidden(rng):
    y200 = _labels(rng, 200)
    yt = _labels(rng, 300)
    ts = np.round(rng.normal(size=300) + yt * 0.7, 1)
    order = np.argsort(-ts, kind="stable")
    ties_pos_first = (np.array([1, 1, 0, 0, 1, 0], dtype=np.int64), np.array([3.0, 2.0, 2.0, 2.0, 1.0, 0.0]))
    big_y = _labels(rng, 200_000, 0.3)
    big_s = np.round(rng.normal(size=200_000) + big_y * 0.5, 2)
    return [
        Case("200 samples, no ties", [y200, rng.normal(size=200) + y200]),
        Case("300 samples, scores rounded to 0.1", [yt, ts]),
        Case("the same, sorted by descending score", [yt[order], ts[order]],
             note="input order must not matter"),
        Case("ties: positive listed before negatives", list(ties_pos_first)),
        Case("ties: negatives listed before positive", [ties_pos_first[0][[0, 2, 3, 1, 4, 5]], ties_pos_first[1]]),
        Case("all scores equal", [y200, np.full(200, 0.25)], note="0.5"),
        Case("perfect ranking", [y200, y200 * 10.0 + rng.random(200)], note="1.0"),
        Case("every negative above every positive", [y200, -y200 * 10.0 + rng.random(200)], note="0.0"),
        Case("only negatives", [np.zeros(6, dtype=np.int64), rng.normal(size=6)], note="undefined: nan"),
        Case("one sample", [np.array([1], dtype=np.int64), np.array([0.4])], note="undefined: nan"),
        Case("one positive among 50", [np.eye(1, 50, 17, dtype=np.int64)[0], np.round(rng.normal(size=50), 1)]),
        Case("one negative among 40", [1 - np.eye(1, 40, 3, dtype=np.int64)[0], np.round(rng.normal(size=40), 1)]),
        Case("negative and large scores", [y200, (rng.normal(size=200) + y200) * -1e6]),
        Case("200 000 samples, scores rounded to 0.01", [big_y, big_s], time_limit=2.0, diagnose=False),
    ]


# The statement's edge rules (README.md, `<!-- rule: … -->`) and the cases that exercise each.
RULES = {
    "ties-half": [
        "tied scores across the classes",
        "300 samples, scores rounded to 0.1",
        "the same, sorted by descending score",
        "ties: positive listed before negatives",
        "ties: negatives listed before positive",
        "all scores equal",
    ],
    "orientation": ["8 samples, no ties", "200 samples, no ties", "every negative above every positive"],
    "one-class-nan": ["only positives", "only negatives", "one sample"],
    "large-input": ["200 000 samples, scores rounded to 0.01"],
    "inputs-unchanged": ["8 samples, no ties", "tied scores across the classes"],
}
