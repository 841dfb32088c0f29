"""Cases for softmax: 1-D, batches along the last axis, axis=0 and a middle axis, logits near
±1000 (break the missing max shift), slices far apart (break a global max shift), all-equal
slices, length-1 slices and square matrices (break reductions without keepdims)."""

import numpy as np

from grader.authoring import Case


def visible(rng):
    batch = rng.normal(size=(4, 5)) * 3
    return [
        Case("1-D vector", [rng.normal(size=6)]),
        Case("batch along the last axis", [batch], note="4 rows of 5 logits, each row sums to 1"),
        Case("axis=0", [batch], {"axis": 0}, note="each column sums to 1"),
        Case("logits near 1000", [np.array([1000.0, 1001.0, 1002.0])]),
    ]


def hidden(rng):
    far_apart = np.stack([rng.normal(size=6) + 1000.0, rng.normal(size=6), rng.normal(size=6) - 1000.0])
    equal = np.array([[1000.0] * 4, [-1000.0] * 4, [0.0] * 4, [3.5] * 4])
    return [
        Case("square matrix, last axis", [rng.normal(size=(5, 5)) * 2]),
        Case("square matrix, axis=1", [rng.normal(size=(4, 4)) * 2], {"axis": 1}),
        Case("rows far apart", [far_apart]),
        Case("all-equal rows", [equal]),
        Case("3-D, middle axis", [rng.normal(size=(2, 7, 3)) * 4], {"axis": 1}),
        Case("3-D, axis=-3, large logits", [rng.normal(size=(3, 2, 4)) * 400], {"axis": -3}),
        Case("length-1 slices", [rng.normal(size=(5, 1)) * 1000]),
        Case("underflowing entries", [np.array([[0.0, 1000.0, -1000.0], [-800.0, -1000.0, -1200.0]])]),
    ]


# The statement's edge rules (README.md, `<!-- rule: … -->`) and the cases that exercise each.
RULES = {
    'large-logits': ['logits near 1000', 'rows far apart', '3-D, axis=-3, large logits'],
    'all-equal': ['all-equal rows'],
    'length-one': ['length-1 slices'],
    'underflow-exact-zero': ['underflowing entries'],
    'inputs-unchanged': ['1-D vector', 'batch along the last axis'],
}
