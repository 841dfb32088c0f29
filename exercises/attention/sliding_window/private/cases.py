"""Cases for sliding-window causal attention: windows smaller than, equal to and larger than L,
window 1, batch and head dimensions, and large logits. d differs from L and from the batch sizes,
so a length taken from the wrong axis shows."""

from grader.authoring import Case

RULES = {
    "window-size": ["window 3 over 6 tokens", "two batch dims, window 4 of 9", "large logits, window 2"],
    "causal": ["window 3 over 6 tokens", "window equal to L", "two batch dims, window 4 of 9"],
    "window-one": ["window 1: out = v"],
    "wide-window": ["window equal to L", "window larger than L"],
    "large-logits": ["large logits, window 2", "large logits, window 5"],
    "inputs-unchanged": ["window 3 over 6 tokens"],
}


def _qkv(rng, batch, length, d, dv, scale=1.0):
    return [rng.normal(size=batch + (length, d)) * scale, rng.normal(size=batch + (length, d)) * scale,
            rng.normal(size=batch + (length, dv))]


def visible(rng):
    return [
        Case("window 3 over 6 tokens", [*_qkv(rng, (2,), 6, 8, 3), 3],
             note="query 5 sees keys 3, 4, 5; query 1 sees keys 0, 1"),
        Case("window equal to L", [*_qkv(rng, (1,), 5, 8, 2), 5], note="plain causal attention"),
    ]


def hidden(rng):
    return [
        Case("two batch dims, window 4 of 9", [*_qkv(rng, (2, 3), 9, 16, 4), 4]),
        Case("window 1: out = v", [*_qkv(rng, (3,), 5, 8, 3), 1]),
        Case("window larger than L", [*_qkv(rng, (2,), 4, 8, 3), 10]),
        Case("large logits, window 2", [*_qkv(rng, (2,), 7, 16, 3, scale=30.0), 2]),
        Case("large logits, window 5", [*_qkv(rng, (1, 2), 8, 16, 3, scale=30.0), 5]),
    ]
