"""Cases for log-softmax: 1-D, batches, axis=0 and a middle axis, logits near ±1000 (break the
missing max shift), probabilities that underflow (break log(softmax)), all-equal and
length-1 slices. Logits have a non-zero maximum so a shift that is not added back shows."""

import numpy as np

from grader.authoring import Case


def visible(rng):
    batch = rng.normal(size=(4, 5)) * 3 + 1.0
    return [
        Case("1-D vector", [rng.normal(size=6) + 2.0]),
        Case("batch along the last axis", [batch]),
        Case("axis=0", [batch], {"axis": 0}),
        Case("an underflowing probability", [np.array([0.0, -1000.0, 5.0])],
             note="exp(−1005) underflows, its log-probability does not"),
    ]


def hidden(rng):
    far_apart = np.stack([rng.normal(size=5) + 1000.0, rng.normal(size=5), rng.normal(size=5) - 1000.0])
    spread = rng.normal(size=(3, 6)) * 600
    return [
        Case("logits near 1000", [np.array([[1000.0, 1001.0, 1002.0], [998.0, 1000.0, 999.5]])]),
        Case("rows far apart", [far_apart]),
        Case("wide spread within rows", [spread]),
        Case("all-equal rows", [np.array([[1000.0] * 4, [-1000.0] * 4, [2.5] * 4])]),
        Case("3-D, middle axis", [rng.normal(size=(2, 6, 3)) * 4 + 1.0], {"axis": 1}),
        Case("3-D, axis=-3, spread logits", [rng.normal(size=(3, 2, 4)) * 500], {"axis": -3}),
        Case("length-1 slices", [rng.normal(size=(4, 1)) * 1000]),
    ]


# The statement's edge rules (README.md, `<!-- rule: … -->`) and the cases that exercise each.
RULES = {
    'large-logits': [
        'logits near 1000',
        'rows far apart',
        'an underflowing probability',
        'wide spread within rows',
        '3-D, axis=-3, spread logits',
    ],
    'all-equal-and-length-one': ['all-equal rows', 'length-1 slices'],
    'inputs-unchanged': ['1-D vector', 'batch along the last axis'],
}
