"""Cases for one KV-cache step: a prompt with an empty cache, single-token decode steps after a
cache, chunks of several tokens after a cache (where the mask alignment and the in-chunk mask
show), and large logits."""

from grader.authoring import Case

RULES = {
    "causal-offset": ["decode one token after 5 cached", "chunk of 3 after 4 cached", "decode after 1 cached"],
    "chunk-causal": ["prompt: empty cache", "chunk of 3 after 4 cached", "chunk of 5 after 2 cached",
                     "large logits, chunk of 4 after 6"],
    "empty-cache": ["prompt: empty cache", "empty cache, one token"],
    "cache-order": ["decode one token after 5 cached", "chunk of 3 after 4 cached", "prompt: empty cache"],
    "large-logits": ["large logits, chunk of 4 after 6", "large logits, decode after 9"],
    "inputs-unchanged": ["decode one token after 5 cached", "chunk of 3 after 4 cached"],
}


def _step(rng, batch, heads, new, past, d, dv, scale=1.0):
    """q, k, v of the new tokens and the caches of the earlier ones."""
    return [rng.normal(size=(batch, heads, new, d)) * scale, rng.normal(size=(batch, heads, new, d)) * scale,
            rng.normal(size=(batch, heads, new, dv)), rng.normal(size=(batch, heads, past, d)) * scale,
            rng.normal(size=(batch, heads, past, dv))]


def visible(rng):
    return [
        Case("prompt: empty cache", _step(rng, 1, 2, 4, 0, 8, 3), note="T = 0, n = 4: causal self-attention"),
        Case("decode one token after 5 cached", _step(rng, 2, 2, 1, 5, 8, 3),
             note="T = 5, n = 1: the new token sees all 6 keys"),
    ]


def hidden(rng):
    return [
        Case("chunk of 3 after 4 cached", _step(rng, 2, 3, 3, 4, 16, 4)),
        Case("decode after 1 cached", _step(rng, 1, 4, 1, 1, 8, 2)),
        Case("chunk of 5 after 2 cached", _step(rng, 2, 2, 5, 2, 8, 3)),
        Case("empty cache, one token", _step(rng, 2, 1, 1, 0, 4, 5)),
        Case("large logits, chunk of 4 after 6", _step(rng, 1, 2, 4, 6, 16, 3, scale=30.0)),
        Case("large logits, decode after 9", _step(rng, 2, 2, 1, 9, 16, 3, scale=30.0)),
    ]
