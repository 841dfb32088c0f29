"""Cases for grouped-query attention: GQA with 1 < Hkv < Hq (where h // group and h % Hkv differ),
MQA (Hkv = 1), plain MHA (Hkv = Hq), key-padding and full masks with fully masked rows, causal with
L ≠ S, and large logits (which break a softmax without the max shift). d differs from L, S and B so
that a scale taken from the wrong axis shows."""

import numpy as np

from grader.authoring import Case

RULES = {
    "kv-groups": ["GQA: 8 query heads, 2 KV heads", "GQA 6/3, causal with L≠S and a mask",
                  "large logits, 3 queries per KV head"],
    "mqa-mha": ["MQA: one KV head, key padding", "MHA: as many KV heads as query heads"],
    "mask": ["MQA: one KV head, key padding", "GQA 6/3, causal with L≠S and a mask",
             "key padding (B, 1, 1, S) with a fully padded batch"],
    "fully-masked": ["MQA: one KV head, key padding", "key padding (B, 1, 1, S) with a fully padded batch"],
    "large-logits": ["large logits, 3 queries per KV head", "large logits with a mask"],
    "causal": ["GQA 6/3, causal with L≠S and a mask", "MHA: as many KV heads as query heads"],
    "inputs-unchanged": ["GQA: 8 query heads, 2 KV heads"],
}


def _qkv(rng, batch, num_q, num_kv, length, source, d, dv, scale=1.0):
    q = rng.normal(size=(batch, num_q, length, d)) * scale
    k = rng.normal(size=(batch, num_kv, source, d)) * scale
    v = rng.normal(size=(batch, num_kv, source, dv))
    return [q, k, v]


def visible(rng):
    padding = np.ones((2, 1, 1, 6), dtype=bool)
    padding[1, ..., 4:] = False
    padding = np.broadcast_to(padding, (2, 1, 3, 6)).copy()
    padding[0, 0, 1, :] = False  # query 1 of batch 0 has no allowed key: its output is zeros
    return [
        Case("GQA: 8 query heads, 2 KV heads", _qkv(rng, 2, 8, 2, 4, 5, 8, 3),
             note="group = 4: query heads 0-3 use KV head 0, heads 4-7 use KV head 1"),
        Case("MQA: one KV head, key padding", _qkv(rng, 2, 4, 1, 3, 6, 8, 2), {"mask": padding},
             note="mask (B, 1, L, S); batch 1 pads keys 4 and 5; query 1 of batch 0 sees no key"),
    ]


def hidden(rng):
    causal_mask = rng.random((6, 9)) < 0.7
    padding = np.ones((3, 1, 1, 7), dtype=bool)
    padding[1, ..., 5:] = False
    padding[2] = False  # every query of batch 2 is fully masked
    return [
        Case("MHA: as many KV heads as query heads", _qkv(rng, 1, 3, 3, 5, 5, 16, 4), {"is_causal": True}),
        Case("GQA 6/3, causal with L≠S and a mask", _qkv(rng, 2, 6, 3, 6, 9, 8, 5),
             {"mask": causal_mask, "is_causal": True}),
        Case("key padding (B, 1, 1, S) with a fully padded batch", _qkv(rng, 3, 4, 2, 5, 7, 12, 3), {"mask": padding}),
        Case("large logits, 3 queries per KV head", _qkv(rng, 2, 6, 2, 6, 6, 16, 4, scale=30.0)),
        Case("large logits with a mask", _qkv(rng, 1, 4, 2, 6, 8, 16, 3, scale=30.0),
             {"mask": rng.random((6, 8)) < 0.5}),
    ]
