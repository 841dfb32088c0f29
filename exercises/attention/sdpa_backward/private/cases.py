"""Cases for the SDPA backward pass: L ≠ S, batch and head dimensions, a key-padding mask (masked
keys get zero dk and dv rows), fully masked query rows (zero dq rows, no NaN), causal with L ≠ S and
large logits."""

import numpy as np

from grader.authoring import Case

RULES = {
    "fully-masked": ["mask with a fully masked row", "causal and a mask with empty rows"],
    "masked-keys": ["key padding over heads", "mask with a fully masked row"],
    "large-logits": ["large logits", "large logits, causal"],
    "causal": ["causal, L≠S", "causal and a mask with empty rows", "large logits, causal"],
    "inputs-unchanged": ["single head, L≠S"],
}


def _inputs(rng, batch, length, source, d, dv, scale=1.0):
    return [rng.normal(size=batch + (length, d)) * scale, rng.normal(size=batch + (source, d)) * scale,
            rng.normal(size=batch + (source, dv)), rng.normal(size=batch + (length, dv))]


def visible(rng):
    mask = rng.random((2, 4, 5)) < 0.7
    mask[1, 2, :] = False  # query 2 of batch 1 sees no key
    mask[:, :, 3] = False  # key 3 is never attended: its dk and dv rows are zeros
    return [
        Case("single head, L≠S", _inputs(rng, (), 3, 5, 8, 2), note="3 queries, 5 keys, d = 8"),
        Case("mask with a fully masked row", _inputs(rng, (2,), 4, 5, 8, 3), {"mask": mask},
             note="batch 1, query 2 has no allowed key; key 3 is masked for every query"),
    ]


def hidden(rng):
    padding = np.ones((2, 1, 1, 7), dtype=bool)
    padding[0, ..., 5:] = False
    empty_rows = rng.random((6, 9)) < 0.6
    empty_rows[0, 0] = False  # the causal mask leaves query 0 only key 0: this row is empty
    empty_rows[3, :] = False
    return [
        Case("key padding over heads", _inputs(rng, (2, 3), 5, 7, 16, 4), {"mask": padding}),
        Case("causal, L≠S", _inputs(rng, (2,), 6, 9, 8, 3), {"is_causal": True}),
        Case("causal and a mask with empty rows", _inputs(rng, (3,), 6, 9, 8, 3),
             {"mask": empty_rows, "is_causal": True}),
        Case("large logits", _inputs(rng, (2,), 5, 6, 16, 3, scale=30.0)),
        Case("large logits, causal", _inputs(rng, (1, 2), 6, 6, 16, 4, scale=30.0), {"is_causal": True}),
    ]
