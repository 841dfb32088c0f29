"""Cases for multi-head attention: several head counts, masks of shape (L, L) and (B, 1, L, L),
fully masked rows, large scores, and d_model large enough that 1/√d_model ≠ 1/√d_head matters."""

import numpy as np

from grader.authoring import Case


def _inputs(rng, batch, length, d_model, scale=1.0):
    x = rng.normal(size=(batch, length, d_model)) * scale
    weights = [rng.normal(size=(d_model, d_model)) / np.sqrt(d_model) for _ in range(4)]
    return [x, *weights]


def visible(rng):
    causal = np.tril(np.ones((5, 5), dtype=bool))
    return [
        Case("2 heads", [*_inputs(rng, 2, 4, 8), 2], note="B=2, L=4, d_model=8"),
        Case("4 heads, causal (L, L) mask", [*_inputs(rng, 1, 5, 16), 4], {"mask": causal}),
    ]


def hidden(rng):
    padding = np.ones((3, 1, 1, 6), dtype=bool)
    padding[1, ..., 4:] = False
    fully_masked = np.ones((2, 1, 6, 6), dtype=bool)
    fully_masked[0, 0, 2, :] = False
    return [
        Case("single head", [*_inputs(rng, 2, 3, 6), 1]),
        Case("8 heads, key padding (B, 1, 1, L)", [*_inputs(rng, 3, 6, 32), 8], {"mask": padding}),
        Case("fully masked row", [*_inputs(rng, 2, 6, 12), 3], {"mask": fully_masked}),
        Case("large scores", [*_inputs(rng, 2, 7, 16, scale=6.0), 4]),
        Case("scores in the thousands, one quiet query, causal", _quiet_query(rng), {"mask": np.tril(np.ones((6, 6), bool))},
             note="one row's scores are tiny while the others reach thousands: the shift must be per row"),
    ]


def _quiet_query(rng):
    x, *weights = _inputs(rng, 2, 6, 8, scale=30.0)
    x[:, 3] *= 1e-3  # query 3's scores stay near 0 while every other row's reach the thousands
    return [x, *weights, 2]


# The statement's edge rules (README.md, `<!-- rule: … -->`) and the cases that exercise each.
RULES = {
    'fully-masked-rows': ['fully masked row'],
    'stable-softmax': ['large scores', 'scores in the thousands, one quiet query, causal'],
    'single-head': ['single head'],
}
