"""Cases for tiled attention: blocks that divide S and blocks that do not, block 1 and one block,
causal with L ≠ S, keys sorted so the row maximum rises in every block, large logits, and one long
causal case whose full score matrix does not fit in the sandbox's memory (no diagnosis there: the
wrong variants run on the trusted side)."""

import numpy as np

from grader.authoring import Case

RULES = {
    "memory": ["long: L = S = 4096 in 128 MB"],
    "blocks": ["block 3 does not divide S = 10", "block size 1", "one block larger than S"],
    "causal": ["causal, L≠S, block 4", "large logits, causal, block 5"],
    "large-logits": ["large logits, block 4", "large logits, causal, block 5"],
    "rising-max": ["maximum rises in every block", "block 3 does not divide S = 10"],
    "inputs-unchanged": ["block 3 does not divide S = 10"],
}


def _qkv(rng, batch, length, source, d, dv, scale=1.0):
    return [rng.normal(size=batch + (length, d)) * scale, rng.normal(size=batch + (source, d)) * scale,
            rng.normal(size=batch + (source, dv))]


def visible(rng):
    q, k, v = _qkv(rng, (), 4, 12, 4, 3)
    q = np.abs(q)
    order = np.argsort(k.sum(axis=1))  # with q ≥ 0, keys with a larger sum tend to score higher
    return [
        Case("block 3 does not divide S = 10", [*_qkv(rng, (2,), 5, 10, 8, 3), 3], note="blocks of 3, 3, 3, 1 keys"),
        Case("maximum rises in every block", [q, k[order], v[order], 3],
             note="keys sorted by their sum: later blocks tend to hold larger scores"),
    ]


def hidden(rng):
    return [
        Case("block size 1", [*_qkv(rng, (3,), 4, 6, 8, 2), 1]),
        Case("one block larger than S", [*_qkv(rng, (2, 2), 5, 7, 8, 3), 64]),
        Case("causal, L≠S, block 4", [*_qkv(rng, (2,), 9, 13, 8, 3), 4], {"is_causal": True}),
        Case("large logits, block 4", [*_qkv(rng, (2,), 6, 11, 16, 3, scale=30.0), 4]),
        Case("large logits, causal, block 5", [*_qkv(rng, (1, 2), 12, 12, 16, 3, scale=30.0), 5], {"is_causal": True}),
        Case("long: L = S = 4096 in 128 MB", [*_qkv(rng, (), 4096, 4096, 8, 8), 256], {"is_causal": True},
             time_limit=10.0, diagnose=False, note="an (L, S) float64 score matrix would take 134 MB"),
    ]
