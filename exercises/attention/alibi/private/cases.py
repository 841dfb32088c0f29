"""Cases for ALiBi: head counts that are powers of two (8, 4, 1) and that are not (6, 12, 3), enough
positions for the distance penalty to matter, and large logits. d differs from L and H."""

from grader.authoring import Case

RULES = {
    "slopes-power-of-two": ["8 heads", "4 heads, 2 batches", "large logits, 8 heads"],
    "slopes-other": ["6 heads", "12 heads", "3 heads"],
    "bias": ["8 heads", "6 heads", "4 heads, 2 batches"],
    "causal": ["8 heads", "6 heads", "one head"],
    "one-head": ["one head"],
    "large-logits": ["large logits, 8 heads", "large logits, 6 heads"],
    "inputs-unchanged": ["8 heads"],
}


def _qkv(rng, batch, heads, length, d, dv, scale=1.0):
    return [rng.normal(size=(batch, heads, length, d)) * scale, rng.normal(size=(batch, heads, length, d)) * scale,
            rng.normal(size=(batch, heads, length, dv))]


def visible(rng):
    return [
        Case("8 heads", _qkv(rng, 1, 8, 6, 16, 3), note="slopes 1/2, 1/4, …, 1/256"),
        Case("6 heads", _qkv(rng, 1, 6, 5, 8, 2), note="slopes 2^-2, 2^-4, 2^-6, 2^-8, 2^-1, 2^-3"),
    ]


def hidden(rng):
    return [
        Case("4 heads, 2 batches", _qkv(rng, 2, 4, 7, 8, 3)),
        Case("12 heads", _qkv(rng, 1, 12, 9, 4, 3)),
        Case("3 heads", _qkv(rng, 2, 3, 8, 16, 2)),
        Case("one head", _qkv(rng, 2, 1, 10, 8, 4, scale=0.3)),
        Case("large logits, 8 heads", _qkv(rng, 1, 8, 6, 16, 3, scale=30.0)),
        Case("large logits, 6 heads", _qkv(rng, 1, 6, 7, 16, 3, scale=30.0)),
    ]
