"""Cases for scaled dot-product attention: batch dims, L ≠ S, masks, causal, fully masked rows,
large logits (which break a softmax without the max shift) and d large enough that the missing
1/√d is visible."""

import numpy as np

from grader.authoring import Case


def _qkv(rng, batch, length, source, d, dv, scale=1.0):
    q = rng.normal(size=batch + (length, d)) * scale
    k = rng.normal(size=batch + (source, d)) * scale
    v = rng.normal(size=batch + (source, dv))
    return q, k, v


def visible(rng):
    q, k, v = _qkv(rng, (), 3, 4, 8, 2)
    q2, k2, v2 = _qkv(rng, (2,), 4, 4, 16, 3)
    mask = rng.random((2, 4, 4)) < 0.6
    mask[0, 1, :] = False  # a fully masked query row → zeros
    return [
        Case("single head, L≠S", [q, k, v], note="3 queries, 4 keys, d=8"),
        Case("boolean mask with a fully masked row", [q2, k2, v2], {"mask": mask},
             note="row 1 of batch 0 has no allowed key: its output is zeros"),
        Case("causal", [q2, k2, v2], {"is_causal": True}),
    ]


def hidden(rng):
    q, k, v = _qkv(rng, (2, 3), 5, 7, 32, 4)
    big_q, big_k, big_v = _qkv(rng, (2,), 6, 6, 16, 5, scale=30.0)
    pad = np.ones((1, 1, 7), dtype=bool)
    pad[..., 5:] = False  # key padding, broadcast over heads and queries
    causal_q, causal_k, causal_v = _qkv(rng, (3,), 6, 9, 8, 8)
    all_masked = np.zeros((6, 9), dtype=bool)
    all_masked[::2, :3] = True
    return [
        Case("two batch dims, key padding mask", [q, k, v], {"mask": pad}),
        Case("large logits", [big_q, big_k, big_v]),
        Case("causal with L≠S and a mask", [causal_q, causal_k, causal_v], {"mask": all_masked, "is_causal": True}),
        Case("large logits with a mask", [big_q, big_k, big_v], {"mask": rng.random((6, 6)) < 0.5}),
    ]


# The statement's edge rules (README.md, `<!-- rule: … -->`) and the cases that exercise each.
RULES = {
    'fully-masked-rows': ['boolean mask with a fully masked row'],
    'large-logits': ['large logits', 'large logits with a mask'],
    'l-neq-s': ['single head, L≠S', 'causal with L≠S and a mask'],
}
